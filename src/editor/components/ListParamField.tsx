// Array and object params: a list of inputs with add and remove (arrays of numbers, text or
// choices), or JSON text (objects). As with every field, only valid values reach the pipeline.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { setParam } from '../commands/set-param';
import { useServices } from '../hooks/context';
import { listTexts, parseJsonInput, parseListInput, type Field } from '../params/fields';

interface Props {
  nodeId: string;
  id: string;
  schema: z.ZodType;
  value: unknown;
  describedBy: string;
  onError: (error: string | undefined) => void;
}

export function ListControl({ nodeId, id, field, schema, value, describedBy, onError }: Props & { field: Extract<Field, { kind: 'list' }> }) {
  const { store } = useServices();
  const [texts, setTexts] = useState(() => listTexts(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (!invalid) setTexts(listTexts(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (next: string[], seal = false) => {
    setTexts(next);
    const result = parseListInput(field, schema, next);
    setInvalid(!!result.error);
    onError(result.error);
    if (!result.error) store.exec(setParam, { node: nodeId, key: field.key, value: result.value }, { coalesce: `param:${nodeId}:${field.key}` });
    if (seal) store.seal();
  };
  const item = field.item;
  const full = field.maxItems !== undefined && texts.length >= field.maxItems;
  const blank = item.kind === 'select' ? String(item.options[0] ?? '') : '';
  return (
    <div className="cg-list" id={id} role="group" aria-label={field.label} aria-describedby={describedBy}>
      {texts.length === 0 && <span className="muted">(none)</span>}
      {texts.map((text, i) => (
        <div className="cg-list-item" key={i}>
          {item.kind === 'select' ? (
            <select aria-label={`${field.label} item ${i + 1}`} value={text} onChange={(e) => commit(texts.map((t, k) => (k === i ? e.target.value : t)), true)}>
              {item.options.map((o) => <option key={String(o)} value={String(o)}>{String(o)}</option>)}
            </select>
          ) : (
            <input
              type="text"
              inputMode={item.kind === 'number' ? 'decimal' : undefined}
              aria-label={`${field.label} item ${i + 1}`}
              value={text}
              onChange={(e) => commit(texts.map((t, k) => (k === i ? e.target.value : t)))}
              onBlur={() => store.seal()}
            />
          )}
          <button type="button" className="link" aria-label={`Remove ${field.label} item ${i + 1}`} onClick={() => commit(texts.filter((_, k) => k !== i), true)}>×</button>
        </div>
      ))}
      <button type="button" disabled={full} onClick={() => commit([...texts, blank], item.kind === 'select')}>Add</button>
    </div>
  );
}

export function JsonControl({ nodeId, id, field, schema, value, describedBy, onError }: Props & { field: Field }) {
  const { store } = useServices();
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    if (!invalid) setText(shown);
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <textarea
      id={id}
      className="cg-json"
      rows={3}
      value={text}
      spellCheck={false}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        setText(e.target.value);
        const result = parseJsonInput(field, schema, e.target.value);
        setInvalid(!!result.error);
        onError(result.error);
        if (!result.error) store.exec(setParam, { node: nodeId, key: field.key, value: result.value }, { coalesce: `param:${nodeId}:${field.key}` });
      }}
      onBlur={() => store.seal()}
    />
  );
}
