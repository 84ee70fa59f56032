import type { ReportData } from './report-data.js';

/**
 * The agreement as JSON: the report data itself, with `$schema` naming the published schema
 * (`schema/agreement-json-2.schema.json`, `$id` urn:pool:schema:agreement-json:2).
 */
export function renderJson(data: ReportData): string {
    return `${JSON.stringify(data, null, 2)}\n`;
}
