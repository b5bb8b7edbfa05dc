import fc from 'fast-check';
import { renderJpeg } from '../factories/media';
import type { RunningIngest } from '../../services/ingest/ingest.app';
import { META_VERIFY_TOKEN, startTestIngest } from '../integration/ingest/ingest-harness';
import { REFUSAL_MAY_WRITE } from './db-fingerprint';
import { csvArbitrary } from './csv/csv-arbitrary';
import { fuzzCsvImport, importAsk } from './csv/csv-target';
import { checkProperty } from './fuzz-property';
import { fuzzSettings } from './fuzz-settings';
import { FuzzTally } from './fuzz-tally';
import type { FuzzWorld } from './fuzz-world';
import { startFuzzWorld } from './fuzz-world';
import { rawGraphqlRequests } from './graphql/document-arbitrary';
import { fuzzRawGraphql } from './graphql/document-target';
import { committedSchema, fieldsWithArguments } from './graphql/fuzz-fields';
import { fuzzGraphqlCall } from './graphql/graphql-target';
import { InputArbitraries } from './graphql/input-arbitrary';
import { FUZZ_UPLOAD_LIMIT, uploadArbitrary } from './uploads/upload-arbitrary';
import { fuzzUpload } from './uploads/upload-target';
import { deliveryTo, metaHandshake } from './webhooks/webhook-requests';
import { fuzzDelivery } from './webhooks/webhook-target';

/**
 * C-54, property-based: every GraphQL argument, malformed GraphQL requests, every webhook endpoint, the CSV import
 * and the upload path get random input (fast-check, seeded and bounded) against the real API, ingest, Postgres and
 * Temporal. No input may get a 5xx, a stack trace, a path or SQL in the answer, or an error without a code; a
 * refused input leaves every table as it was (but those in REFUSAL_MAY_WRITE, each with its reason).
 *
 * Runs as its own step: RAIZE_FUZZ_RUNS inputs per GraphQL field (default 4; the other targets scale from it) and
 * RAIZE_FUZZ_SEED to replay a run; the summary line prints both counts and the seed.
 */
const settings = fuzzSettings();
const FIELDS = fieldsWithArguments(committedSchema());
const tally = new FuzzTally();
/** Shrinking a failure replays it against the real stack many times: a failing test gets the time to shrink. */
const PER_FIELD_MS = 10 * 60_000;
const POOL_REFRESH_EVERY = 10;

describe('[C-54] fuzzing every input', () => {
  let world: FuzzWorld;
  const started = Date.now();

  beforeAll(async () => {
    world = await startFuzzWorld();
    process.stderr.write(
      `[fuzz] seed ${settings.seed}, ${settings.runs} inputs per GraphQL field; tables a refusal may write: ${Object.keys(REFUSAL_MAY_WRITE).join(', ')}\n`,
    );
  }, 600_000);

  afterAll(async () => {
    process.stdout.write(
      `\n${tally.summary(settings.seed)}\n  ${tally.perTarget()}; ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    await world?.close();
  });

  describe('GraphQL arguments, as an Admin with a real session', () => {
    it.each(FIELDS.map((f, i) => [`${f.operation} ${f.name}`, f, i] as const))(
      '[C-54] %s: random arguments get no server error, no leak, a coded error, and no write when refused',
      async (label, f, i) => {
        // Now and then, not per field: accepted calls add rows worth fuzzing with, and each read costs a query.
        if (i % POOL_REFRESH_EVERY === 0) await world.refreshPools();
        tally.fields.add(label);
        await checkProperty({
          name: label,
          target: 'graphql',
          arbitrary: new InputArbitraries(world.pools).variables(f.field.args),
          runs: settings.runs,
          settings,
          tally,
          run: (variables) => fuzzGraphqlCall(world, f, variables),
        });
      },
      PER_FIELD_MS,
    );

    it(
      '[C-54] malformed GraphQL documents, bodies, content types and methods get a clear refusal and write nothing',
      async () => {
        await checkProperty({
          name: 'graphql documents',
          target: 'documents',
          arbitrary: rawGraphqlRequests(FIELDS),
          runs: settings.runs * 10,
          settings,
          tally,
          run: (r) => fuzzRawGraphql(world, r),
        });
      },
      PER_FIELD_MS,
    );
  });

  describe('webhook ingest', () => {
    let ingest: RunningIngest;
    beforeAll(async () => {
      // The per-address budget for failed signatures would answer 429 unheard after 50 (C-33): off, so every fuzzed
      // delivery reaches the verification and the parsing.
      ingest = await startTestIngest({ env: { RAIZE_INGEST_UNVERIFIED_BURST: '0' } });
    });
    afterAll(() => ingest?.close());

    it.each(['sandbox', 'meta', 'standard'] as const)(
      '[C-54] %s deliveries (random bodies, codings, headers, valid signatures over garbage) never get a 5xx and store nothing when refused',
      async (endpoint) => {
        tally.endpoints.add(endpoint);
        await checkProperty({
          name: `webhook ${endpoint}`,
          target: 'webhooks',
          arbitrary: deliveryTo(endpoint),
          runs: settings.runs * 8,
          settings,
          tally,
          run: (r) => fuzzDelivery(world, ingest.url, r),
        });
      },
      PER_FIELD_MS,
    );

    it(
      '[C-54] the Meta subscription handshake with random parameters never gets a 5xx and writes nothing',
      async () => {
        tally.endpoints.add('meta-handshake');
        await checkProperty({
          name: 'webhook meta handshake',
          target: 'webhooks',
          arbitrary: metaHandshake(META_VERIFY_TOKEN),
          runs: settings.runs * 3,
          settings,
          tally,
          run: (r) => fuzzDelivery(world, ingest.url, r),
        });
      },
      PER_FIELD_MS,
    );
  });

  it(
    '[C-54] CSV import: a refused CSV writes nothing, an accepted one schedules exactly its dry run',
    async () => {
      await world.refreshPools();
      await checkProperty({
        name: 'csv import',
        target: 'csv',
        arbitrary: fc.tuple(csvArbitrary(world.pools), importAsk),
        runs: settings.runs * 8,
        settings,
        tally,
        run: ([csv, ask]) => fuzzCsvImport(world, csv, ask),
      });
    },
    PER_FIELD_MS,
  );

  it(
    '[C-54] uploads and downloads: random bytes, types, sizes and names never get a 5xx, a refusal stores nothing',
    async () => {
      await world.refreshPools();
      const realImage = renderJpeg(320, 320);
      expect(realImage.length).toBeLessThan(FUZZ_UPLOAD_LIMIT);
      await checkProperty({
        name: 'uploads',
        target: 'uploads',
        arbitrary: uploadArbitrary(world.pools, realImage),
        runs: settings.runs * 8,
        settings,
        tally,
        run: (u) => fuzzUpload(world, u),
      });
    },
    PER_FIELD_MS,
  );
});
