// Imported first by the bench entry points: the services' logger reads LOG_LEVEL when it is first imported,
// and one info line per publish would bury the result tables. LOG_LEVEL=info puts them back.
process.env.LOG_LEVEL ??= 'warn';

export {};
