import { builder } from '../builder.js';

/** What every workload has: a container run on the containers service or the serverless one. */
export interface WorkloadShape {
  id: string | number;
  name: string;
}

export const WorkloadInterface = builder.interfaceRef<WorkloadShape & { createdAt?: string | null; dateCreated?: string | null }>('Workload').implement({
  description: 'Something that runs: a Container (containers service) or a ServerlessContainer (serverless service).',
  interfaces: [builder.nodeInterfaceRef()],
  // Containers have integer ids, serverless containers UUIDs.
  resolveType: (workload) => (typeof workload.id === 'number' ? 'Container' : 'ServerlessContainer'),
  fields: (t) => ({
    name: t.string({ description: 'Name.', resolve: (w) => w.name }),
  }),
});
