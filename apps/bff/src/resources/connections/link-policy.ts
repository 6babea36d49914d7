import { SAGE_BANK_FEEDS_KEY } from '../../codat/platforms.js';

/**
 * Why a connection's own Link URL must not be shared, or undefined when it may be. One rule for
 * the record's `shareableLinkUrl` flag and the Link URL action.
 */
export function connectionLinkRefusal(connection: { platformKey: string | null; status: string }): string | undefined {
  if (connection.platformKey === SAGE_BANK_FEEDS_KEY) {
    return 'Sage Bank Feeds connections are authorised inside Sage: the customer enters the connection id and a one-time code there. Do not send this connection\'s link.';
  }
  if (connection.status === 'Linked') {
    return 'This connection is already Linked, so there is nothing to authorise. To let the customer manage their connections, share the company\'s Link URL.';
  }
  return undefined;
}
