/** `integrations`: no screens of its own; read by the platform filter, picker and logos. */
export const integrations = { name: 'integrations', recordRepresentation: 'name' };
