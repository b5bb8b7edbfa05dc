// Preloaded (node -r) into every service the launcher spawns. The services run in process groups of their
// own so that Ctrl-C reaches only the launcher, which then stops them in order; the price is that a
// launcher killed with SIGKILL would leave them running. The IPC channel closes when the launcher dies
// however it dies, and that is the signal to shut down as if the launcher had sent SIGTERM.
if (process.send && process.channel) {
  // Do not let the channel itself keep a service alive after its own graceful shutdown.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

export {};
