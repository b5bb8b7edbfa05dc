import { type FormEvent, useId, useState } from 'react';
import {
  AddKbSourceMutation,
  BrandKitQuery,
  KbSourcesQuery,
  RemoveKbSourceMutation,
  UpdateBrandKitMutation,
} from '../api/operations';
import { useMutation } from '../api/use-mutation';
import { useQuery } from '../api/use-query';
import { useClientScope } from '../auth/workspace';
import type { BrandKitQuery as BrandKitResult } from '../gql/graphql';
import { formatDateTime } from '../time/zoned-time';
import { Empty, ErrorBox, Loading, Notice } from '../ui/feedback';
import { Page } from '../ui/page';

type Kit = BrandKitResult['brandKit'];

/** The brand kit (voice, words, claims, hashtags, colours) and the knowledge base the planner and creator read. */
export function BrandScreen() {
  const { client } = useClientScope();
  const kit = useQuery(BrandKitQuery, { clientId: client.id });
  return (
    <Page title="Brand kit and knowledge" subtitle={`${client.name} · what every plan and post is written from`}>
      <section className="panel" aria-labelledby="kit-heading">
        <h2 id="kit-heading">Brand kit</h2>
        <ErrorBox error={kit.error} onRetry={() => void kit.reload()} />
        {!kit.data && !kit.error && <Loading what="the brand kit" />}
        {kit.data && <BrandKitForm kit={kit.data.brandKit} onSaved={kit.reload} />}
      </section>
      <KnowledgeBase />
    </Page>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const words = (s: string) =>
  s
    .split(/[,\n]/)
    .map((l) => l.trim())
    .filter(Boolean);

function BrandKitForm({ kit, onSaved }: { kit: Kit; onSaved: () => Promise<void> }) {
  const { client, can } = useClientScope();
  const update = useMutation(UpdateBrandKitMutation);
  const may = can('brand.update');
  const [f, setF] = useState({
    name: kit.name,
    headline: kit.headline,
    voice: kit.voice,
    doWords: kit.doWords.join(', '),
    dontWords: kit.dontWords.join(', '),
    bannedClaims: kit.bannedClaims.join('\n'),
    hashtags: kit.hashtags.join(' '),
    colours: kit.colours.join(', '),
  });
  const [saved, setSaved] = useState(false);
  const id = useId();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setSaved(false);
    setF((x) => ({ ...x, [k]: e.target.value }));
  };
  const colours = words(f.colours);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update.run({
      input: {
        clientId: client.id,
        name: f.name,
        headline: f.headline,
        voice: f.voice,
        doWords: words(f.doWords),
        dontWords: words(f.dontWords),
        bannedClaims: lines(f.bannedClaims),
        hashtags: f.hashtags.split(/[\s,]+/).filter(Boolean),
        colours,
      },
    });
    if (r) {
      setSaved(true);
      await onSaved();
    }
  };

  return (
    <form className="settings-form" onSubmit={submit}>
      {!kit.configured && <Notice>Not saved yet: plans use the client's name only until the kit is saved.</Notice>}
      <fieldset className="fieldset plain" disabled={!may}>
        <div className="grid-fields">
          <label className="field" htmlFor={`${id}-name`}>
            <span>Brand name</span>
            <input id={`${id}-name`} value={f.name} onChange={set('name')} />
          </label>
          <label className="field" htmlFor={`${id}-headline`}>
            <span>Headline</span>
            <input id={`${id}-headline`} value={f.headline} onChange={set('headline')} />
          </label>
        </div>
        <label className="field" htmlFor={`${id}-voice`}>
          <span>Voice</span>
          <textarea id={`${id}-voice`} rows={3} value={f.voice} onChange={set('voice')} />
        </label>
        <div className="grid-fields">
          <label className="field" htmlFor={`${id}-do`}>
            <span>Words to use (comma separated)</span>
            <textarea id={`${id}-do`} rows={2} value={f.doWords} onChange={set('doWords')} />
          </label>
          <label className="field" htmlFor={`${id}-dont`}>
            <span>Words never to use (the content policy blocks them)</span>
            <textarea id={`${id}-dont`} rows={2} value={f.dontWords} onChange={set('dontWords')} />
          </label>
        </div>
        <label className="field" htmlFor={`${id}-claims`}>
          <span>Banned claims (one per line; the content policy blocks them)</span>
          <textarea id={`${id}-claims`} rows={3} value={f.bannedClaims} onChange={set('bannedClaims')} />
        </label>
        <div className="grid-fields">
          <label className="field" htmlFor={`${id}-tags`}>
            <span>Hashtags (space separated)</span>
            <input id={`${id}-tags`} value={f.hashtags} onChange={set('hashtags')} />
          </label>
          <label className="field" htmlFor={`${id}-colours`}>
            <span>Colours (hex, comma separated)</span>
            <input id={`${id}-colours`} value={f.colours} onChange={set('colours')} />
          </label>
        </div>
        {colours.some((c) => /^#[0-9a-fA-F]{6}$/.test(c)) && (
          <p className="swatches" aria-label="Colour swatches">
            {/* A colour input shows the colour without a style attribute, which the CSP forbids. */}
            {colours
              .filter((c) => /^#[0-9a-fA-F]{6}$/.test(c))
              .map((c) => (
                <input key={c} type="color" value={c.toLowerCase()} disabled aria-label={`Colour ${c}`} />
              ))}
          </p>
        )}
      </fieldset>
      {kit.updatedAt && <p className="hint">Last saved {formatDateTime(kit.updatedAt, client.timezone)}</p>}
      {saved && <Notice tone="success">Brand kit saved: new plans and creations use it.</Notice>}
      <ErrorBox error={update.error} />
      {may ? (
        <div className="actions">
          <button type="submit" className="button primary" disabled={update.pending} data-mutates="brand.update">
            Save brand kit
          </button>
        </div>
      ) : (
        <p className="hint">An Admin or Manager edits the brand kit.</p>
      )}
    </form>
  );
}

function KnowledgeBase() {
  const { client, can } = useClientScope();
  const sources = useQuery(KbSourcesQuery, { clientId: client.id });
  const add = useMutation(AddKbSourceMutation);
  const remove = useMutation(RemoveKbSourceMutation);
  const [kind, setKind] = useState<'text' | 'url'>('text');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const id = useId();
  const may = can('brand.update');
  const list = sources.data?.kbSources.filter((s) => !s.removedAt);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const r = await add.run({
      input:
        kind === 'text'
          ? { clientId: client.id, kind, title: title || undefined, text }
          : { clientId: client.id, kind, title: title || undefined, url },
    });
    if (!r) return;
    setAdded(`Added “${r.addKbSource.title}”, summarised below.`);
    setTitle('');
    setText('');
    setUrl('');
    await sources.reload();
  };

  return (
    <section className="panel" aria-labelledby="kb-heading">
      <h2 id="kb-heading">Knowledge base</h2>
      <p className="hint">
        Sources are summarised when added; the planner reads the summaries first. URLs are fetched by the server through
        the guarded fetcher: private, loopback and metadata addresses are refused.
      </p>
      <ErrorBox error={sources.error} onRetry={() => void sources.reload()} />
      {!list && !sources.error && <Loading what="knowledge sources" />}
      {list && list.length === 0 && (
        <Empty title="No sources yet">Add product facts, FAQs or a page of the site.</Empty>
      )}
      {list && list.length > 0 && (
        <ul className="cards">
          {list.map((s) => (
            <li key={s.id} className="card" data-kb-source={s.id}>
              <h3>
                {s.title} <span className="hint">({s.kind})</span>
              </h3>
              {s.sourceUrl && (
                <p className="hint">
                  <code>{s.sourceUrl}</code>
                </p>
              )}
              <p>{s.summary}</p>
              {s.topTerms.length > 0 && <p className="hint">Key terms: {s.topTerms.join(', ')}</p>}
              <p className="hint">
                {s.chunkCount} chunks · {Math.ceil(s.byteSize / 1024)} KB · added{' '}
                {formatDateTime(s.createdAt, client.timezone)}
              </p>
              {may && (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={remove.pending}
                  data-mutates="brand.update"
                  onClick={() =>
                    void remove.run({ id: s.id }).then(async (r) => {
                      if (r) await sources.reload();
                    })
                  }
                >
                  Remove “{s.title}”
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={remove.error} />
      {may && (
        <form className="settings-form" onSubmit={submit}>
          <h3>Add a source</h3>
          <div className="field-row" role="radiogroup" aria-label="Kind of source">
            <label className="radio">
              <input type="radio" name="kb-kind" checked={kind === 'text'} onChange={() => setKind('text')} /> Text
            </label>
            <label className="radio">
              <input type="radio" name="kb-kind" checked={kind === 'url'} onChange={() => setKind('url')} /> URL
            </label>
          </div>
          <label className="field" htmlFor={`${id}-title`}>
            <span>Title (optional)</span>
            <input id={`${id}-title`} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          {kind === 'text' ? (
            <label className="field" htmlFor={`${id}-text`}>
              <span>Text</span>
              <textarea id={`${id}-text`} rows={5} required value={text} onChange={(e) => setText(e.target.value)} />
            </label>
          ) : (
            <label className="field" htmlFor={`${id}-url`}>
              <span>URL (https)</span>
              <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
            </label>
          )}
          {added && <Notice tone="success">{added}</Notice>}
          <ErrorBox error={add.error} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={add.pending} data-mutates="brand.update">
              {add.pending ? 'Adding and summarising…' : 'Add source'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
