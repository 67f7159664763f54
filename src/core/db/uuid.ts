/**
 * Whether a string is a UUID as PostgreSQL writes it. Check ids from URLs with this before they
 * reach a query: PostgreSQL refuses anything else with an error, which would be a 500.
 */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
