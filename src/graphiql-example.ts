/** The query GraphiQL opens with: it runs as is against the embedded demo data. */
export const EXAMPLE_QUERY = /* GraphQL */ `# Welcome to Gantry. Press the run button (or Ctrl-Enter).
# In embedded mode the Headers tab already holds the admin dev token.
query NewestVmImages {
  vmImages(first: 5, filter: { status: ACTIVE }) {
    edges {
      cursor
      node {
        id
        name
        status
        diskFormat
        size
        tags
        createdAt
        properties { name value }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
