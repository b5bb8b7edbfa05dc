import { Link } from '../../routing/router';

/** How an operator connects an MCP-capable assistant: the URL, a token, a client configuration. */
export function ConnectAssistant({ url }: { url: string | null }) {
  const shown = url ?? 'the gateway URL your Admin gives you';
  const config = JSON.stringify(
    {
      mcpServers: {
        raize: {
          type: 'http',
          url: url ?? 'https://raize.example.com/mcp',
          headers: { Authorization: 'Bearer rzt_…' },
        },
      },
    },
    null,
    2,
  );
  return (
    <section className="panel" aria-labelledby="connect-h">
      <h2 id="connect-h">Connect an assistant</h2>
      <ol className="gateway-steps">
        <li>
          The gateway’s address (MCP over Streamable HTTP): <code data-testid="gateway-url">{shown}</code>
        </li>
        <li>
          On <Link to="/settings">Your settings</Link>, make an API token with the scopes <strong>read</strong> (list
          clients, posts, the calendar and the inbox) and <strong>publish</strong> (draft and schedule posts). Copy it:
          it is shown once.
        </li>
        <li>
          In the assistant’s MCP settings, add a server with that address and the token as a bearer token, for example:
          <pre className="code-block">{config}</pre>
        </li>
        <li>
          The assistant sees only the tools your role and this agency allow, and acts as you. A post it schedules waits
          for a person’s approval in Raize like any other: no tool approves, flips a kill switch or changes policy.
        </li>
      </ol>
    </section>
  );
}
