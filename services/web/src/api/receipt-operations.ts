import { graphql } from '../gql';

// Receipts that stay true (issue #15): a published post's later re-checks on its platform, for the post page.

export const PostReceiptQuery = graphql(`
  query PostReceipt($id: ID!) {
    post(id: $id) {
      id
      receipt
      receiptChangedAt
      receiptChecks {
        checkNo
        result
        detail
        checkedAt
      }
    }
  }
`);
