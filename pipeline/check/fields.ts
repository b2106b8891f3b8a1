// The schema check: every front-matter and data-file field against its definition in
// pipeline/schema.ts (types, required fields, unknown fields with a guess at the intended one).
import type { FieldDef, Schema } from '../schema';
import { absoluteUrlProblem, hiddenCharacter } from './text-rules';

/** A field holding a web address, by the schema's naming (`url`, `partnerUrl`, `originalUrl`). */
const isUrlField = (field: string) => /(?:^|\.)url$|Url$/.test(field);

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A front-matter date, read as Taipei time, as an ISO instant; undefined when not a real date. */
export function taipeiIso(value: string): string | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  // Month 13, day 32 or hour 25 make no date at all; February 30 makes March 2, caught below.
  if (Number.isNaN(date.getTime())) return undefined;
  const back = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return back.startsWith(`${y}-${mo}-${d}T${h}:${mi}`) ? date.toISOString() : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

// A nested field points at its type in `of`; a list of nested values has the type itself as `of`.
const nestedFields = (def: FieldDef): Schema | undefined => (def.def ?? def.of?.def)?.().fields;

/** Where a check reports a problem: a dotted field path (its key, with `atKey`), the message and the fix. */
export type Report = (field: string, message: string, fix: string, atKey?: boolean) => void;

/** Checks a parsed YAML value against a schema, reporting by dotted path. */
export function checkFields(value: unknown, schema: Schema, prefix: string, report: Report) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(prefix, `「${prefix || '內容'}」必須是「欄位: 值」的形式`, '檢查縮排與冒號');
    return;
  }
  const record = value as Record<string, unknown>;
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of Object.keys(record)) {
    if (key in schema) continue;
    const guess = Object.keys(schema).find((known) => distance(known, key) <= 2);
    report(
      at(key),
      `未知的欄位「${key}」`,
      guess ? `是不是要寫「${guess}」？` : `可用的欄位：${Object.keys(schema).join('、')}`,
      true,
    );
  }
  for (const [key, def] of Object.entries(schema)) {
    const field = at(key);
    const v = record[key];
    if (v === undefined || v === null) {
      if (def.required) report(prefix || key, `缺少必填欄位「${field}」`, `加上一行 ${key}: …`);
      continue;
    }
    checkValue(v, def, field, report);
  }
}

function checkValue(v: unknown, def: FieldDef, field: string, report: Report) {
  switch (def.type) {
    case 'string':
      if (typeof v !== 'string') report(field, `「${field}」必須是文字`, '把值用雙引號括起來');
      else if (!v.trim() && def.required) report(field, `「${field}」是空的`, '這是必填欄位，請填寫內容');
      else {
        const problem = hiddenCharacter(v) ?? (isUrlField(field) && v.trim() ? absoluteUrlProblem(v) : undefined);
        if (problem) report(field, `「${field}」：${problem.message}`, problem.fix);
      }
      break;
    case 'date':
      if (typeof v !== 'string' || !taipeiIso(v))
        report(field, `「${field}」不是正確的日期：${String(v)}`, '寫成 2026-11-25 或 2026-11-25T09:30:00（台北時間）');
      break;
    case 'boolean':
      if (typeof v !== 'boolean') report(field, `「${field}」只能是 true 或 false`, '寫成 true 或 false，不要加引號');
      break;
    case 'list':
      if (!Array.isArray(v)) report(field, `「${field}」必須是清單`, `每一項另起一行，寫成「  - 值」`);
      else if (def.of) v.forEach((item, i) => checkValue(item, def.of as FieldDef, `${field}[${i}]`, report));
      break;
    case 'nested': {
      const fields = nestedFields(def);
      if (fields) checkFields(v, fields, field, report);
      break;
    }
  }
}
