import { appRouter } from '@fact/api';
import { generateOpenApiDocument, type OpenAPIObject, type OpenApiRouter } from 'trpc-to-openapi';

/**
 * The OpenAPI 3.1 document of the REST surface, generated from the procedures that declare
 * `meta.openapi` (their zod input and output schemas). Served at /api/v1/openapi.json.
 *
 * @example
 * ```ts
 * const doc = openApiDocument('http://127.0.0.1:3000/api/v1');
 * ```
 */
export function openApiDocument(baseUrl: string): OpenAPIObject {
  return generateOpenApiDocument(appRouter as unknown as OpenApiRouter, {
    title: 'Fact API',
    description:
      'Receivables follow-up for Belgian and Dutch businesses. Authenticate with `Authorization: Bearer <token>` (a session token from POST /auth/login or an API token). Amounts are decimal strings ("1234.56"), dates YYYY-MM-DD.',
    version: '0.1.0',
    baseUrl,
  });
}
