import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The public API's OpenAPI description at /api/openapi.json, generated from the routes' zod
 * schemas (the same schemas that validate the requests). Pages are not part of it.
 */
async function apiDocsPlugin(app: FastifyInstance, options: { version: string }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Ortaq public API',
        version: options.version,
        description: 'Open data of the civil sector of Kazakhstan. Regions are ISO 3166-2:KZ codes; legal forms, statuses and areas are stable codes.',
      },
    },
    transform: (input) => (input.url.startsWith('/api/') ? jsonSchemaTransform(input) : { schema: { ...input.schema, hide: true }, url: input.url }),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export const apiDocs = fp(apiDocsPlugin, { name: 'ortaq-api-docs' });
