// One param: a control generated from its schema, validated as you type. Only valid values reach
// the pipeline; a slider drag or a burst of typing is one undo step.
import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { setParam } from '../commands/set-param';
import { useServices } from '../hooks/context';
import { parseFieldInput, type Field } from '../params/fields';
import { JsonControl, ListControl } from './ListParamField';

export function ParamField({ nodeId, field, schema, value, suggestions }: { nodeId: string; field: Field; schema: z.ZodType; value: unknown; suggestions?: string[] }) {
  const { store } = useServices();
  const id = useId();
  const shown = value ?? field.default;
  const [text, setText] = useState(shown === undefined ? '' : String(shown));
  const [error, setError] = useState<string | undefined>();
  // follow outside changes (undo, another field) unless the user is mid-typing an invalid value
  useEffect(() => {
    if (!error) setText(shown === undefined ? '' : String(shown));
  }, [shown]); // eslint-disable-line react-hooks/exhaustive-deps

  const commit = (raw: string | boolean) => {
    if (typeof raw === 'string') setText(raw);
    const result = parseFieldInput(field, schema, raw);
    setError(result.error);
    if (!result.error) store.exec(setParam, { node: nodeId, key: field.key, value: result.value }, { coalesce: `param:${nodeId}:${field.key}` });
  };
  const seal = () => store.seal();
  const label = (
    <label htmlFor={id}>
      {field.label}
      {field.unit && <span className="muted"> ({field.unit})</span>}
    </label>
  );
  const describedBy = `${id}-help ${id}-error`;
  // the connected table's columns, as buttons: a click sets the name (or adds it to a list)
  const chosen = text.split(',').map((t) => t.trim()).filter(Boolean);
  const pick = (name: string) => {
    if (field.columnList && chosen.includes(name)) return;
    commit(field.columnList ? [...chosen, name].join(', ') : name);
    seal();
  };
  const columns = suggestions?.length ? (
    <div className="cg-columns" role="group" aria-label={`Columns for ${field.label}`}>
      {suggestions.map((name) => (
        <button type="button" key={name} aria-pressed={chosen.includes(name)} onClick={() => pick(name)}>{name}</button>
      ))}
    </div>
  ) : null;
  let control;
  if (field.kind === 'list') {
    control = <ListControl nodeId={nodeId} id={id} field={field} schema={schema} value={shown} describedBy={describedBy} onError={setError} />;
  } else if (field.kind === 'json') {
    control = <JsonControl nodeId={nodeId} id={id} field={field} schema={schema} value={shown} describedBy={describedBy} onError={setError} />;
  } else if (field.kind === 'boolean') {
    control = <input id={id} type="checkbox" checked={Boolean(shown)} onChange={(e) => { commit(e.target.checked); seal(); }} aria-describedby={describedBy} />;
  } else if (field.kind === 'select') {
    control = (
      <select id={id} value={String(shown ?? '')} onChange={(e) => { commit(e.target.value); seal(); }} aria-describedby={describedBy}>
        {field.optional && <option value="">(not set)</option>}
        {field.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>{o.label}</option>
        ))}
      </select>
    );
  } else if (field.kind === 'number') {
    control = (
      <div className="cg-number">
        {field.slider && (
          <input
            type="range"
            aria-label={`${field.label} slider`}
            min={field.min}
            max={field.max}
            step={field.step}
            value={Number.isFinite(Number(text)) && text !== '' ? Number(text) : field.min}
            onChange={(e) => commit(e.target.value)}
            onPointerUp={seal}
            onKeyUp={seal}
            onBlur={seal}
          />
        )}
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => commit(e.target.value)}
          onBlur={seal}
        />
      </div>
    );
  } else {
    const list = suggestions?.length && !field.columnList ? `${id}-suggestions` : undefined;
    control = (
      <>
        <input id={id} type="text" value={text} list={list} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => commit(e.target.value)} onBlur={seal} />
        {list && (
          <datalist id={list} data-testid={`columns-${field.key}`}>
            {suggestions!.map((s) => <option key={s} value={s} />)}
          </datalist>
        )}
      </>
    );
  }
  const range = field.kind === 'number' && (field.min !== undefined || field.max !== undefined)
    ? `${field.min !== undefined ? `${field.exclusiveMin ? '>' : '≥'} ${field.min}` : ''}${field.min !== undefined && field.max !== undefined ? ', ' : ''}${field.max !== undefined ? `${field.exclusiveMax ? '<' : '≤'} ${field.max}` : ''}`
    : '';
  return (
    <div className={`cg-field${error ? ' invalid' : ''}`} data-param={field.key}>
      {label}
      {control}
      {columns}
      <div id={`${id}-help`} className="cg-help">
        {field.description}
        {range && <span className="muted"> {field.description ? ' ' : ''}({range}{field.kind === 'number' && field.integer ? ', whole number' : ''})</span>}
      </div>
      <div id={`${id}-error`} className="cg-error" role={error ? 'alert' : undefined}>{error}</div>
    </div>
  );
}
