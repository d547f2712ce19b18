// The last run, node by node: status and time. Tests read "cached" here after a reload.
import { useSessionState } from '../hooks/context';

export function RunReport() {
  const { lastRun } = useSessionState();
  if (!lastRun) return null;
  return (
    <details className="cg-run-report" data-testid="run-report">
      <summary>Run report ({lastRun.reports.length} nodes{lastRun.error ? `; ${lastRun.error}` : ''})</summary>
      <table className="cg-table">
        <thead>
          <tr>
            <th scope="col">node</th>
            <th scope="col">type</th>
            <th scope="col">status</th>
            <th scope="col">ms</th>
            <th scope="col">message</th>
          </tr>
        </thead>
        <tbody>
          {lastRun.reports.map((r) => (
            <tr key={r.id} data-report-node={r.id} data-report-status={r.status}>
              <td>{r.id}</td>
              <td>{r.type}</td>
              <td>{r.status}</td>
              <td>{r.ms.toFixed(1)}</td>
              <td>{r.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
