/** `connections`: shown on the company page (Connections tab), created from there; no screens of their own. */
export const connections = { name: 'connections', recordRepresentation: 'platformName' };
