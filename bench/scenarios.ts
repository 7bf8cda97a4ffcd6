/**
 * The HTTP scenarios, each as every peer is asked it: Gantry's GraphQL, the equivalent query on
 * the Mesh-composed supergraph (field names generated from the OpenAPI documents), and, where
 * one REST call is the whole answer, that call through the floor proxy.
 */
import { graphqlRequest, restRequest, type Scenario } from './peers/compare.js';

const noErrors = (body: { errors?: unknown }) => !body.errors;

export function benchScenarios(image: { id: string; upstreamId: string }): Scenario[] {
  return [
    {
      name: 'single entity: a VM image by id',
      requests: {
        gantry: graphqlRequest('query($id: ID!) { vmImage(id: $id) { id name status size diskFormat tags } }', { id: image.id }),
        hive: graphqlRequest('query($id: UUID!) { getVmImage(image_id: $id) { ... on VmImage { id name status size disk_format tags } } }', {
          id: image.upstreamId,
        }),
        floor: restRequest('vmImages', `/v2/images/${image.upstreamId}`),
      },
      check: { gantry: noErrors, hive: noErrors },
    },
    {
      name: 'N+1: every container (50) with its catalogue image',
      requests: {
        gantry: graphqlRequest('{ containers(first: 50) { nodes { id name state image { id label } } } }'),
        hive: graphqlRequest(
          '{ listContainers(per_page: 50) { ... on listContainers_200_response { containers { id name current_state image { ... on ContainerImageEnvelope { container_image { id label } } } } } } }',
        ),
      },
      check: { gantry: noErrors, hive: noErrors },
    },
    {
      name: 'three backends in one query',
      requests: {
        gantry: graphqlRequest(
          'query($id: ID!) { vmImage(id: $id) { name } containerImages(first: 5) { nodes { label } } serverlessContainers(first: 5) { nodes { name status } } }',
          { id: image.id },
        ),
        hive: graphqlRequest(
          'query($id: UUID!) { getVmImage(image_id: $id) { ... on VmImage { name } } listContainerImages(per_page: 5) { ... on listContainerImages_200_response { container_images { label } } } listServerlessContainers(rows: 5) { ... on ServerlessContainerPage { items { name status } } } }',
          { id: image.upstreamId },
        ),
      },
      check: { gantry: noErrors, hive: noErrors },
    },
    {
      name: 'VM images, a list of 25',
      requests: {
        gantry: graphqlRequest('{ vmImages(first: 25) { nodes { id name status size tags } } }'),
        hive: graphqlRequest('{ listVmImages(limit: 25) { ... on VmImageList { images { id name status size tags } } } }'),
        floor: restRequest('vmImages', '/v2/images?limit=25'),
      },
      check: { gantry: noErrors, hive: noErrors },
    },
    {
      name: '100 container images, 2 levels of dependencies',
      requests: {
        gantry: graphqlRequest(
          '{ containerImages(first: 100) { nodes { id label requiredContainers { id label requiredContainers { id label } } requiredBy { id } } } }',
        ),
      },
      check: { gantry: noErrors },
    },
  ];
}
