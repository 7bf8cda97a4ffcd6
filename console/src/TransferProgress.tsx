import { formatBytes, type Progress } from './transfer.js';

/** A transfer under way: a labelled progress bar, the share done, the speed, and Cancel. */
export function TransferProgress({ label, progress, onCancel }: { label: string; progress: Progress; onCancel?: () => void }) {
  const percent = progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <div className="transfer" data-percent={percent}>
      <label htmlFor="transfer-progress">{label}</label>
      <progress id="transfer-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <span role="status">
        {percent}% · {formatBytes(progress.loaded)} of {formatBytes(progress.total)} · {formatBytes(progress.speed)}/s
      </span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
