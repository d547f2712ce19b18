// The result cache: how full it is, its size cap, and "Clear cache".
import { useServices, useSessionState } from '../hooks/context';

const MiB = 2 ** 20;

export function CachePanel() {
  const { cache } = useSessionState();
  const { session } = useServices();
  if (!cache) return null;
  return (
    <section aria-label="Cache" className="cg-cache">
      <h2>Cache</h2>
      {!cache.persistent && <p className="cg-warning" role="status">Results are not saved between visits: {cache.reason ?? 'IndexedDB is unavailable'}.</p>}
      <p data-testid="cache-info">
        {cache.entries} results, {(cache.bytes / MiB).toFixed(1)} MiB of {(cache.maxBytes / MiB).toFixed(0)} MiB
      </p>
      {cache.persistent && (
        <label className="cg-field">
          Size limit (MiB)
          <input
            type="number"
            min={16}
            step={64}
            defaultValue={Math.round(cache.maxBytes / MiB)}
            onBlur={(e) => {
              const mib = Number(e.target.value);
              if (Number.isFinite(mib) && mib >= 16) void session.setCacheLimit(mib * MiB);
            }}
          />
        </label>
      )}
      <button type="button" onClick={() => void session.clearCache()}>Clear cache</button>
    </section>
  );
}
