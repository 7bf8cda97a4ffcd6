import { type FormEvent, useRef, useState } from 'react';
import { CreateVmImageDocument, DeleteVmImageDocument } from '../../client/index.js';
import type { Gantry, GraphQLErrorShape } from './api.js';
import { Errors } from './Errors.js';
import { controlProps, Field, fieldErrors } from './Field.js';
import { href } from './route.js';
import { type Progress, type Transfer, TransferError, upload } from './transfer.js';
import { TransferProgress } from './TransferProgress.js';

type Kind = 'vm' | 'ci';

/** Every QCOW2 file starts with these bytes; the gateway checks them too, this only saves a wasted upload. */
const QCOW2_MAGIC = [0x51, 0x46, 0x49, 0xfb];

async function isQcow2(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return QCOW2_MAGIC.every((byte, index) => head[index] === byte);
}

/**
 * Upload a QCOW2 file through the byte routes. A VM image is two steps (create the record, then
 * PUT its bytes to `uploadUrl`); if the bytes never arrive, the empty record is deleted, so a
 * cancel leaves nothing behind. A CI image is created from its bytes in one POST.
 */
export function ImageUpload({ gantry, onUploaded }: { gantry: Gantry; onUploaded: () => void }) {
  const [kind, setKind] = useState<Kind>('vm');
  const [file, setFile] = useState<File>();
  const [name, setName] = useState('');
  const [namespace, setNamespace] = useState('');
  const [progress, setProgress] = useState<Progress>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<GraphQLErrorShape[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [uploaded, setUploaded] = useState<{ id: string; name: string; section: 'vm-images' | 'ci-images' }>();
  const transfer = useRef<Transfer<unknown>>(undefined);

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    // The name defaults to the file's, without its extension.
    if (chosen && !name) setName(chosen.name.replace(/\.[^.]+$/, ''));
  };

  const send = async (): Promise<{ id: string; name: string; section: 'vm-images' | 'ci-images' } | undefined> => {
    if (kind === 'ci') {
      const query = new URLSearchParams({ name, ...(namespace.trim() ? { namespace: namespace.trim() } : {}) });
      const started = upload<{ id: string; name: string }>('POST', `/files/ci-images?${query}`, gantry.token, file!, setProgress);
      transfer.current = started;
      return { ...(await started.done), section: 'ci-images' };
    }
    const created = await gantry.request(CreateVmImageDocument, { input: { name, diskFormat: 'QCOW2', containerFormat: 'BARE' } });
    const payload = created.data?.createVmImage;
    if (payload?.__typename !== 'CreateVmImageSuccess') {
      setErrors(created.errors ?? (payload && 'message' in payload ? [{ message: payload.message, extensions: { code: payload.code } }] : []));
      if (payload?.__typename === 'InvalidInputError') setFields(fieldErrors(payload.fields));
      return undefined;
    }
    const image = payload.vmImage;
    const started = upload<unknown>('PUT', image.uploadUrl!, gantry.token, file!, setProgress);
    transfer.current = started;
    try {
      await started.done;
    } catch (error) {
      // The record without its bytes would sit QUEUED forever: take it away.
      await gantry.request(DeleteVmImageDocument, { input: { id: image.id } });
      throw error;
    }
    return { id: image.id, name: image.name ?? name, section: 'vm-images' };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setUploaded(undefined);
    const problems: Record<string, string> = {};
    if (!file) problems.file = 'Choose a QCOW2 file.';
    else if (!(await isQcow2(file))) problems.file = 'This is not a QCOW2 file (it does not start with the QCOW2 magic).';
    if (!name.trim()) problems.name = 'Give the image a name.';
    setFields(problems);
    if (Object.keys(problems).length > 0) return;
    setProgress({ loaded: 0, total: file!.size, speed: 0 });
    setBusy(true);
    try {
      const done = await send();
      if (done) {
        // Some browsers send no last progress event: the bar ends full when the gateway has answered.
        setProgress((last) => last && { ...last, loaded: last.total });
        setUploaded(done);
        onUploaded();
      } else {
        setProgress(undefined);
      }
    } catch (error) {
      const failure = error instanceof TransferError ? error : new TransferError('The upload failed.');
      setErrors(
        failure.errors.length ? failure.errors : [{ message: failure.message, extensions: { code: failure.cancelled ? 'CANCELLED' : 'UPLOAD_FAILED' } }],
      );
      // A refused CI name is an InvalidInputError whose field is `name`.
      setFields(fieldErrors(failure.errors.flatMap((shape) => shape.extensions?.fields ?? [])));
      setProgress(undefined);
    } finally {
      transfer.current = undefined;
      setBusy(false);
    }
  };

  return (
    <details className="panel" open>
      <summary>Upload a QCOW2 image</summary>
      <form onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>Kind</legend>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'vm'} onChange={() => setKind('vm')} /> VM image
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'ci'} onChange={() => setKind('ci')} /> CI image
          </label>
        </fieldset>
        <Field id="upload-file" label="QCOW2 file" error={fields.file}>
          <input
            {...controlProps('upload-file', fields.file)}
            type="file"
            accept=".qcow2,.img,application/octet-stream"
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </Field>
        <Field id="upload-name" label="Image name" error={fields.name} hint={kind === 'ci' ? 'Letters, digits, "-" and "_".' : undefined}>
          <input {...controlProps('upload-name', fields.name, kind === 'ci')} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        {kind === 'ci' && (
          <Field id="upload-namespace" label="Namespace (optional)" error={fields.namespace}>
            <input {...controlProps('upload-namespace', fields.namespace)} value={namespace} onChange={(event) => setNamespace(event.target.value)} />
          </Field>
        )}
        <button type="submit" disabled={busy}>
          Upload
        </button>
      </form>
      {progress && (
        <TransferProgress
          label={busy ? `Uploading ${file?.name ?? ''}` : `Uploaded ${file?.name ?? ''}`}
          progress={progress}
          {...(busy ? { onCancel: () => transfer.current?.cancel() } : {})}
        />
      )}
      <Errors errors={errors} />
      {uploaded && (
        <p role="status">
          Uploaded <a href={href(uploaded.section, uploaded.id)}>{uploaded.name}</a>.
        </p>
      )}
    </details>
  );
}
