// The params form, derived from a node's zod schema (through its JSON Schema, which carries the
// .meta() label, unit and description): numbers with ranges get sliders, choices get selects.
import { z } from 'zod';

interface FieldBase {
  key: string;
  label: string;
  description?: string;
  unit?: string;
  optional: boolean;
  default?: unknown;
}

export type Field =
  | (FieldBase & { kind: 'number'; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; integer: boolean; step: number; slider: boolean })
  | (FieldBase & { kind: 'select'; options: { value: string | number | boolean; label: string }[] })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'text'; pattern?: string });

type JSONSchema = Record<string, unknown>;

const MAX_SLIDER_SPAN = 100_000;

export function fieldsOf(schema: z.ZodObject): Field[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JSONSchema;
  const props = (json.properties ?? {}) as Record<string, JSONSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([key, prop]) => fieldOf(key, prop, required.has(key)));
}

function fieldOf(key: string, prop: JSONSchema, required: boolean): Field {
  const s = unwrapNullable(prop);
  const base: FieldBase = {
    key,
    label: typeof s.label === 'string' ? s.label : typeof prop.label === 'string' ? prop.label : humanize(key),
    description: str(prop.description ?? s.description),
    unit: str(prop.unit ?? s.unit),
    optional: !required && prop.default === undefined,
    default: prop.default,
  };
  const choices = choicesOf(s);
  if (choices) return { ...base, kind: 'select', options: choices.map((v) => ({ value: v, label: String(v) })) };
  if (s.type === 'boolean') return { ...base, kind: 'boolean' };
  if (s.type === 'number' || s.type === 'integer') {
    const integer = s.type === 'integer';
    const min = num(s.minimum) ?? num(s.exclusiveMinimum);
    const max = num(s.maximum) ?? num(s.exclusiveMaximum);
    // a slider only where its whole track means something (not 0 … 2^53 for "any count")
    const slider = min !== undefined && max !== undefined && max > min && max - min <= MAX_SLIDER_SPAN;
    return {
      ...base,
      kind: 'number',
      min,
      max,
      exclusiveMin: s.exclusiveMinimum !== undefined,
      exclusiveMax: s.exclusiveMaximum !== undefined,
      integer,
      step: integer ? 1 : slider ? niceStep((max! - min!) / 200) : 0.1,
      slider,
    };
  }
  return { ...base, kind: 'text', pattern: str(s.pattern) };
}

function unwrapNullable(s: JSONSchema): JSONSchema {
  const any = s.anyOf as JSONSchema[] | undefined;
  if (any && any.length === 2 && any.some((x) => x.type === 'null')) return { ...s, ...any.find((x) => x.type !== 'null') };
  return s;
}

function choicesOf(s: JSONSchema): (string | number | boolean)[] | undefined {
  if (Array.isArray(s.enum)) return s.enum as (string | number)[];
  const alts = (s.anyOf ?? s.oneOf) as JSONSchema[] | undefined;
  if (alts && alts.length && alts.every((a) => a.const !== undefined || Array.isArray(a.enum))) {
    return alts.flatMap((a) => (a.const !== undefined ? [a.const as string | number] : (a.enum as (string | number)[])));
  }
  if (s.const !== undefined) return [s.const as string | number];
  return undefined;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/**
 * What the user typed, as the value to store, or the message saying why not. Empty input on an
 * optional field means "not set" (undefined); numbers are parsed leniently ("1e3", " 2 ").
 */
export function parseFieldInput(field: Field, schema: z.ZodType, raw: string | boolean): { value?: unknown; error?: string } {
  let value: unknown = raw;
  if (field.kind === 'number') {
    const text = String(raw).trim();
    if (text === '') {
      if (field.optional) return { value: undefined };
      return { error: 'enter a number' };
    }
    value = Number(text);
    if (!Number.isFinite(value)) return { error: `'${text}' is not a number` };
  } else if (field.kind === 'select') {
    value = field.options.find((o) => String(o.value) === String(raw))?.value ?? raw;
  } else if (field.kind === 'text' && raw === '' && field.optional) {
    return { value: undefined };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'invalid value' };
  return { value };
}
