import { type FormEvent, useState } from 'react';
import { GpuModelsDocument, type ServerlessContainerQuery } from '../../client/index.js';
import type { Gantry } from './api.js';
import { controlProps, Field } from './Field.js';
import { useQuery } from './useQuery.js';

type Existing = NonNullable<ServerlessContainerQuery['serverlessContainer']>;

/** The form as typed: text, as the controls hold it, turned into the API's input on submit. */
export interface FormValues {
  name: string;
  image: string;
  cpu: string;
  ram: string;
  ephemeralStorage: string;
  port: string;
  gpu: string;
  gpuModels: string[];
  env: Array<{ name: string; value: string }>;
  command: string;
  arguments: string;
}

export function valuesOf(container?: Existing): FormValues {
  return {
    name: container?.name ?? '',
    image: container?.image ?? '',
    cpu: container?.cpu == null ? '' : String(container.cpu),
    ram: container?.ram?.text ?? '',
    ephemeralStorage: container?.ephemeralStorage?.text ?? '',
    port: container?.port == null ? '' : String(container.port),
    gpu: container?.gpu == null ? '' : String(container.gpu),
    gpuModels: container?.gpuModels.map((model) => model.code) ?? [],
    env: container?.env.map(({ name, value }) => ({ name, value })) ?? [],
    command: container?.command ?? '',
    arguments: container?.arguments?.join('\n') ?? '',
  };
}

/** The input fields as the API takes them; numbers the browser could not read are left to `numberProblems`. */
export function inputOf(values: FormValues) {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
  return {
    image: values.image.trim(),
    cpu: number(values.cpu),
    ram: values.ram.trim() || undefined,
    ephemeralStorage: values.ephemeralStorage.trim() || undefined,
    port: number(values.port),
    gpu: number(values.gpu),
    gpuModels: values.gpuModels,
    env: values.env,
    command: values.command.trim() || undefined,
    arguments: values.arguments.split('\n').filter((line) => line.trim() !== ''),
  };
}

/**
 * The one check the form makes itself: a number GraphQL could not carry (a fraction where an Int
 * goes) would fail the whole request instead of naming its field. Everything else is the API's to
 * judge, so the rules live in one place and every error comes back beside its field.
 */
export function numberProblems(values: FormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of ['port', 'gpu'] as const) {
    const text = values[field].trim();
    if (text !== '' && !Number.isInteger(Number(text))) problems[field] = 'must be a whole number';
  }
  if (values.cpu.trim() !== '' && !Number.isFinite(Number(values.cpu))) problems.cpu = 'must be a number';
  return problems;
}

interface Props {
  gantry: Gantry;
  initial: FormValues;
  creating: boolean;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (values: FormValues) => void;
}

/** The create and update form: every field error from InvalidInputError beside its field. */
export function ServerlessForm({ gantry, initial, creating, errors, busy, onSubmit }: Props) {
  const [values, setValues] = useState(initial);
  const gpuModels = useQuery(gantry, GpuModelsDocument, {});
  const set = (field: keyof FormValues) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });
  const setEnv = (index: number, part: 'name' | 'value', text: string) =>
    setValues({ ...values, env: values.env.map((entry, at) => (at === index ? { ...entry, [part]: text } : entry)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const text = (field: keyof FormValues, label: string, hint?: string, type = 'text') => (
    <Field id={`sc-${field}`} label={label} error={errors[field]} {...(hint ? { hint } : {})}>
      <input
        {...controlProps(`sc-${field}`, errors[field], Boolean(hint))}
        type={type}
        {...(type === 'number' ? { step: 'any' } : {})}
        value={values[field] as string}
        onChange={set(field)}
      />
    </Field>
  );

  return (
    <form className="serverless-form" noValidate onSubmit={submit}>
      {creating && text('name', 'Name', '1 to 63 lowercase letters, digits or "-".')}
      {text('image', 'Image', 'With a tag or digest, as "nginxdemos/hello:0.4".')}
      {text('cpu', 'CPU cores', 'More than 0; fractions allowed.', 'number')}
      {text('ram', 'Memory', 'A Kubernetes quantity, as "512Mi" or "1Gi".')}
      {text('ephemeralStorage', 'Scratch disk', 'A Kubernetes quantity, as "10Gi".')}
      {text('port', 'Port', '1 to 65535.', 'number')}
      {text('gpu', 'GPUs', 'More than 0 needs a GPU model.', 'number')}
      <fieldset aria-describedby={errors.gpuModels ? 'sc-gpuModels-error' : undefined} data-field="sc-gpuModels">
        <legend>GPU models</legend>
        {gpuModels.data === undefined && <p>Loading GPU models…</p>}
        {(gpuModels.data?.gpuModels?.nodes ?? []).map((model) => (
          <label key={model.code} className="inline">
            <input
              type="checkbox"
              checked={values.gpuModels.includes(model.code)}
              onChange={(event) =>
                setValues({
                  ...values,
                  gpuModels: event.target.checked ? [...values.gpuModels, model.code] : values.gpuModels.filter((code) => code !== model.code),
                })
              }
            />{' '}
            {model.name} <code>{model.code}</code>
          </label>
        ))}
        {gpuModels.errors.length > 0 && <p className="field-error">GPU models could not be listed: {gpuModels.errors[0]?.message}</p>}
        {errors.gpuModels && (
          <p id="sc-gpuModels-error" className="field-error">
            {errors.gpuModels}
          </p>
        )}
      </fieldset>
      <fieldset data-field="sc-env">
        <legend>Environment</legend>
        {values.env.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity until removed.
          <div className="env-row" key={index}>
            <Field id={`sc-env-${index}-name`} label={`Variable ${index + 1} name`} error={errors[`env.${index}.name`]}>
              <input
                {...controlProps(`sc-env-${index}-name`, errors[`env.${index}.name`])}
                value={entry.name}
                onChange={(event) => setEnv(index, 'name', event.target.value)}
              />
            </Field>
            <Field id={`sc-env-${index}-value`} label={`Variable ${index + 1} value`} error={errors[`env.${index}.value`]}>
              <input
                {...controlProps(`sc-env-${index}-value`, errors[`env.${index}.value`])}
                value={entry.value}
                onChange={(event) => setEnv(index, 'value', event.target.value)}
              />
            </Field>
            <button type="button" onClick={() => setValues({ ...values, env: values.env.filter((_, at) => at !== index) })}>
              Remove variable {index + 1}
            </button>
          </div>
        ))}
        {errors.env && <p className="field-error">{errors.env}</p>}
        <button type="button" onClick={() => setValues({ ...values, env: [...values.env, { name: '', value: '' }] })}>
          Add a variable
        </button>
      </fieldset>
      {text('command', 'Command', "Replaces the image's entrypoint.")}
      <Field id="sc-arguments" label="Arguments" error={errors.arguments} hint="One per line.">
        <textarea {...controlProps('sc-arguments', errors.arguments, true)} value={values.arguments} onChange={set('arguments')} />
      </Field>
      <button type="submit" disabled={busy}>
        {creating ? 'Create and deploy' : 'Save and deploy a new revision'}
      </button>
    </form>
  );
}
