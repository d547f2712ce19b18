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
  /**
   * A param that names a column of an input table (meta `columnsFrom`: input ports, the first
   * connected one counts): the editor offers that table's number columns as suggestions.
   */
  columnsFrom?: string[];
  /** With columnsFrom: the param is a comma-separated list of column names (meta `columnList`). */
  columnList?: boolean;
  /**
   * The param matters only while other params have one of these values (meta `shownWhen`, e.g.
   * `{ method: ['manual'] }` for a manual threshold's value): the form hides it otherwise.
   */
  shownWhen?: Record<string, unknown[]>;
}

export type Field =
  | (FieldBase & { kind: 'number'; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean; integer: boolean; step: number; slider: boolean })
  | (FieldBase & { kind: 'select'; options: { value: string | number | boolean; label: string }[] })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'text'; pattern?: string })
  /** An array of scalars: one input per item, with add and remove. */
  | (FieldBase & { kind: 'list'; item: ListItem; minItems?: number; maxItems?: number })
  /** Anything else (objects, records, arrays of objects): edited as JSON text. */
  | (FieldBase & { kind: 'json' });

/** What one list item is: a number, a choice, or text. */
export type ListItem =
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'select'; options: (string | number | boolean)[] }
  | { kind: 'text' };

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
    ...(Array.isArray(prop.columnsFrom ?? s.columnsFrom) ? { columnsFrom: (prop.columnsFrom ?? s.columnsFrom) as string[] } : {}),
    ...((prop.columnList ?? s.columnList) === true ? { columnList: true } : {}),
    ...(isShownWhen(prop.shownWhen ?? s.shownWhen) ? { shownWhen: (prop.shownWhen ?? s.shownWhen) as Record<string, unknown[]> } : {}),
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
  if (s.type === 'array') {
    const item = listItemOf(s);
    const bounds = { minItems: num(s.minItems), maxItems: num(s.maxItems) };
    return item ? { ...base, kind: 'list', item, ...bounds } : { ...base, kind: 'json' };
  }
  if (s.type === 'object') return { ...base, kind: 'json' };
  return { ...base, kind: 'text', pattern: str(s.pattern) };
}

function isShownWhen(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.values(v).every(Array.isArray);
}

/**
 * Whether a field applies with these params (a param not set counts as its default): every param
 * its shownWhen names must have one of the values listed.
 */
export function fieldShown(field: Field, params: Record<string, unknown>, fields: Field[]): boolean {
  if (!field.shownWhen) return true;
  return Object.entries(field.shownWhen).every(([key, values]) => {
    const value = params[key] !== undefined ? params[key] : fields.find((f) => f.key === key)?.default;
    return values.includes(value);
  });
}

/** The item kind of an array of scalars (one schema for every item), else undefined. */
function listItemOf(s: JSONSchema): ListItem | undefined {
  const items = s.items as JSONSchema | boolean | undefined;
  if (!items || typeof items !== 'object' || s.prefixItems) return undefined;
  const choices = choicesOf(items);
  if (choices) return { kind: 'select', options: choices };
  if (items.type === 'number' || items.type === 'integer') {
    return { kind: 'number', integer: items.type === 'integer', min: num(items.minimum) ?? num(items.exclusiveMinimum), max: num(items.maximum) ?? num(items.exclusiveMaximum) };
  }
  if (items.type === 'string') return { kind: 'text' };
  return undefined;
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

/** The texts a list field shows for a value (an array; anything else shows as no items). */
export function listTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

/**
 * A list field's item texts as the array to store, or the message saying why not: numbers are
 * parsed leniently, then the whole array goes through the schema (item count, ranges).
 */
export function parseListInput(field: Extract<Field, { kind: 'list' }>, schema: z.ZodType, texts: string[]): { value?: unknown[]; error?: string } {
  const value: unknown[] = [];
  for (const [i, raw] of texts.entries()) {
    const text = raw.trim();
    if (field.item.kind === 'number') {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return { error: `item ${i + 1}: ${text === '' ? 'enter a number' : `'${text}' is not a number`}` };
      value.push(n);
    } else if (field.item.kind === 'select') {
      value.push(field.item.options.find((o) => String(o) === raw) ?? raw);
    } else value.push(raw);
  }
  if (texts.length === 0 && field.optional) return { value: undefined };
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = typeof issue?.path[0] === 'number' ? `item ${issue.path[0] + 1}: ` : '';
    return { error: `${at}${issue?.message ?? 'invalid list'}` };
  }
  return { value };
}

/** JSON text for an object param, parsed and checked by the schema. */
export function parseJsonInput(field: Field, schema: z.ZodType, text: string): { value?: unknown; error?: string } {
  if (text.trim() === '' && field.optional) return { value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid value'}` };
  }
  return { value };
}

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
