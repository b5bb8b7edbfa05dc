import { graphql } from '../gql';

// The browser lane's proof of a post (issue #17, C-44). Asked apart from PostQuery: each answer signs fresh links
// (an audited act), so it is asked once and renewed before the links expire, not every two seconds.

export const PostBrowserProofQuery = graphql(`
  query PostBrowserProof($postId: ID!) {
    postBrowserProof(postId: $postId) {
      selectorMapVersion
      linksExpireAt
      steps {
        step
        url
        at
        masked
        screenshotUrl
        domUrl
      }
    }
  }
`);
