import type { JsonReportRecord } from './record.js';
import type { ReportData } from './report-data.js';

/**
 * The agreement as JSON: the report data itself, with `$schema` naming the published schema
 * (`schema/agreement-json-4.schema.json`, `$id` urn:pool:schema:agreement-json:4), and with `report`,
 * how it was made (the agreement's path and the language), for `pool verify`.
 */
export function renderJson(data: ReportData, report?: JsonReportRecord): string {
    return `${JSON.stringify(report ? { ...data, report } : data, null, 2)}\n`;
}
