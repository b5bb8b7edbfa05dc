import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { OpenApiSpec } from './kube-schemas';
import { findDefinition, resourceTypes, schemaFileName, standaloneStrict, writeSchemas } from './kube-schemas';

/** A spec shaped like Kubernetes' swagger.json: a kind, nested references, a map, a Quantity, an IntOrString. */
const spec: OpenApiSpec = {
  definitions: {
    'io.k8s.api.apps.v1.Widget': {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        spec: { $ref: '#/definitions/io.k8s.api.apps.v1.WidgetSpec', description: 'dropped' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Widget' }],
    },
    'io.k8s.api.apps.v1.WidgetSpec': {
      type: 'object',
      required: ['parts'],
      properties: {
        replicas: { type: 'integer', format: 'int32' },
        port: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
        memory: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
        parts: { type: 'array', items: { $ref: '#/definitions/io.k8s.api.apps.v1.Part' } },
      },
    },
    'io.k8s.api.apps.v1.Part': { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
      type: 'object',
      properties: {
        name: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
    'io.k8s.api.core.v1.Loop': {
      type: 'object',
      properties: { next: { $ref: '#/definitions/io.k8s.api.core.v1.Loop' } },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Loop' }],
    },
  },
};

const widget = { apiVersion: 'apps/v1', kind: 'Widget' };
const valid = {
  ...widget,
  metadata: { name: 'w', labels: { any: 'label' } },
  spec: { replicas: 2, port: 'http', memory: 1, parts: [{ name: 'a' }] },
};

describe('kube-schemas', () => {
  it("names files the way kubeconform's schema-location template asks for them", () => {
    expect(schemaFileName({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBe('deployment-apps-v1.json');
    expect(schemaFileName({ apiVersion: 'v1', kind: 'ServiceAccount' })).toBe('serviceaccount-v1.json');
    expect(schemaFileName({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' })).toBe(
      'networkpolicy-networking-v1.json',
    );
    expect(schemaFileName({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' })).toBe(
      'horizontalpodautoscaler-autoscaling-v2.json',
    );
  });

  it('finds a definition by its group, version and kind, and nothing for an unknown one', () => {
    expect(findDefinition(spec, widget)).toBe('io.k8s.api.apps.v1.Widget');
    expect(findDefinition(spec, { apiVersion: 'apps/v2', kind: 'Widget' })).toBeUndefined();
  });

  describe('a standalone strict schema', () => {
    const schema = standaloneStrict(spec, 'io.k8s.api.apps.v1.Widget', widget);
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

    it('has no reference left and no description', () => {
      expect(JSON.stringify(schema)).not.toMatch(/\$ref|description/);
    });

    it('accepts a valid object, with a Quantity as a number and an IntOrString as a string', () => {
      expect(validate(valid)).toBe(true);
    });

    it.each<[string, Record<string, unknown>]>([
      ['a misspelt top-level field', { ...valid, spex: {} }],
      ['a misspelt field inside an inlined reference', { ...valid, spec: { ...valid.spec, replica: 2 } }],
      ['a misspelt field inside an array item', { ...valid, spec: { ...valid.spec, parts: [{ name: 'a', nam: 1 }] } }],
      ['a wrong type', { ...valid, spec: { ...valid.spec, replicas: 'two' } }],
      ['a missing required field', { ...valid, spec: { ...valid.spec, parts: [{}] } }],
      ['another kind', { ...valid, kind: 'Gadget' }],
      ['another apiVersion', { ...valid, apiVersion: 'apps/v1beta1' }],
    ])('rejects %s', (_what, doc) => {
      expect(validate(doc)).toBe(false);
    });

    it('keeps maps open: labels take any key', () => {
      expect(validate({ ...valid, metadata: { labels: { 'a.b/c': 'd', e: 'f' } } })).toBe(true);
      expect(validate({ ...valid, metadata: { labels: { a: 1 } } })).toBe(false);
    });
  });

  it('refuses a reference cycle instead of writing a schema that cannot hold it', () => {
    expect(() => standaloneStrict(spec, 'io.k8s.api.core.v1.Loop', { apiVersion: 'v1', kind: 'Loop' })).toThrow(
      /reference cycle/,
    );
  });

  it('writes one file per kind the manifests use, and names the kinds the spec lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-schemas-'));
    try {
      const types = resourceTypes('apiVersion: apps/v1\nkind: Widget\n---\napiVersion: x/v1\nkind: Unknown\n---\n');
      const result = writeSchemas(spec, types, dir);
      expect(readdirSync(dir)).toEqual(['widget-apps-v1.json']);
      expect(result.unknown).toEqual(['x/v1 Unknown']);
      const written = JSON.parse(readFileSync(join(dir, 'widget-apps-v1.json'), 'utf8')) as {
        properties: { kind: { enum: string[] } };
      };
      expect(written.properties.kind.enum).toEqual(['Widget']);
      // cached: a second run writes nothing
      expect(writeSchemas(spec, types, dir).written).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
