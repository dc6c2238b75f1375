import { SQL, getTableColumns, is, sql, type Table } from 'drizzle-orm';

// Many rows as one JSON parameter, each row a JSON array in a fixed column order: `jsonb_array_elements` and
// `r->>i` read a field by position, three times faster than `jsonb_to_recordset` looking each field up by name
// (measured on a batch of 2,500 bills), and the JSON carries no key names. The same on PGlite and a server.

/** A column: its SQL name and type, and how to read its value from a row object. */
export type JsonColumn<T> = readonly [name: string, type: string, value: (row: T) => unknown];

/** The JSON text of `rows`, each an array of the columns' values. */
export function jsonRows<T>(columns: readonly JsonColumn<T>[], rows: readonly T[]): string {
  return JSON.stringify(rows.map((row) => columns.map((c) => c[2](row))));
}

/**
 * `select <columns> from jsonb_array_elements(<param>) r`: each column cast to its type (a jsonb column is taken
 * as is) and named as given.
 */
export function fromJsonRows<T>(columns: readonly JsonColumn<T>[], rows: readonly T[]): SQL {
  const list = columns
    .map(([name, type], i) => (type === 'jsonb' ? `r->${i} as ${name}` : `(r->>${i})::${type} as ${name}`))
    .join(', ');
  return sql`select ${sql.raw(list)} from jsonb_array_elements(${jsonRows(columns, rows)}::jsonb) r`;
}

/**
 * A table's row returned as JSON (`row_to_json`, `json_agg`) read into the row drizzle's own select gives: each
 * column by its SQL name, through the column's own driver mapping (a timestamp to a Date, a bigint to a number).
 * Lets one statement return the rows of several tables (issue 21: an intake writes five and reads none back).
 */
export function rowOfJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/**
 * `insert into <table> (<the columns the rows set>) select … from jsonb_array_elements(<one JSON parameter>)`: the
 * rows travel as one parameter, not a parameter per value, so building the statement costs little however many
 * values it carries (issue 21: an intake's statement had 70 parameters, and building them was a fifth of its time).
 * Every row must set the same columns; a value given as SQL (the same in every row) is written as that expression.
 */
export function insertFromJson<T extends Table>(
  table: T,
  rows: readonly { [K in keyof T['$inferInsert']]: T['$inferInsert'][K] | SQL }[],
): SQL {
  const first = rows[0] as Record<string, unknown>;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => first[key] !== undefined);
  for (const row of rows as Record<string, unknown>[]) {
    for (const [key] of columns) {
      if (row[key] === undefined) throw new Error(`insertFromJson: a row of ${table} leaves ${key} unset`);
    }
  }
  const fromJson = columns.filter(([key]) => !is(first[key], SQL));
  const json = JSON.stringify(
    (rows as Record<string, unknown>[]).map((row) =>
      fromJson.map(([key, c]) => {
        const v = row[key];
        return v === null || c.getSQLType() === 'jsonb' ? v : c.mapToDriverValue(v);
      }),
    ),
  );
  const values = columns.map(([key, c]) => {
    if (is(first[key], SQL)) return first[key] as SQL;
    const i = fromJson.findIndex(([k]) => k === key);
    // A null of a jsonb column is SQL NULL, not the JSON value null.
    return sql.raw(c.getSQLType() === 'jsonb' ? `nullif(r->${i}, 'null')` : `(r->>${i})::${c.getSQLType()}`);
  });
  return sql`insert into ${table} (${sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '))})
    select ${sql.join(values, sql`, `)} from jsonb_array_elements(${json}::jsonb) r`;
}
