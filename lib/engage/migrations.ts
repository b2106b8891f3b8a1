import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

// Versioned migrations, applied in order by name on first use (lib/engage/database.ts). A migration
// once released is never edited: a change is a new one. Each is written once for both databases;
// where they differ (an auto-numbered key), the dialect is asked.

export type Dialect = 'sqlite' | 'postgres';

type Db = Kysely<unknown>;

/** An auto-numbered primary key, in each database's own way. */
const idColumn = (dialect: Dialect) => (dialect === 'postgres' ? 'serial' : 'integer');
const idConstraints = (dialect: Dialect) => (c: ColumnDefinitionBuilder) =>
  dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

/** 0001: readers' comments, the editors' settings and the clients they banned. */
async function createCommentTables(db: Db, dialect: Dialect) {
  await db.schema
    .createTable('comments')
    .addColumn('id', idColumn(dialect), idConstraints(dialect))
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected', 'spam')`))
    .addColumn('reason', 'text')
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema.createIndex('comments_story').on('comments').columns(['story', 'status', 'created_at']).execute();
  await db.schema.createIndex('comments_client').on('comments').columns(['client', 'created_at']).execute();
  await db.schema.createIndex('comments_pending').on('comments').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bans')
    .addColumn('client', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** 0001: the editors who moderate, and their sessions. */
async function createEditorTables(db: Db, dialect: Dialect) {
  await db.schema
    .createTable('editors')
    .addColumn('id', idColumn(dialect), idConstraints(dialect))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('editor_id', 'integer', (c) => c.notNull().references('editors.id').onDelete('cascade'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

/** 0001: view counts by hour, the day's seen readers (as hashes) and the day's salt. */
async function createViewTables(db: Db) {
  await db.schema
    .createTable('views')
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('views_key', ['story', 'locale', 'hour'])
    .execute();
  await db.schema.createIndex('views_hour').on('views').columns(['locale', 'hour']).execute();
  await db.schema
    .createTable('seen')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seen_day').on('seen').column('day').execute();
  await db.schema
    .createTable('salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}

/** 0001: the newsletter's subscribers. */
async function createSubscriberTable(db: Db, dialect: Dialect) {
  await db.schema
    .createTable('subscribers')
    .addColumn('id', idColumn(dialect), idConstraints(dialect))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirmed', 'unsubscribed')`))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('subscribers_token').on('subscribers').column('token_hash').execute();
}

/** 0003: the digests editors send, and where each subscriber's sending stands. */
async function createDigests(db: Db, dialect: Dialect) {
  // Sign-ups are limited like sign-ins: one table of attempts for every limit (lib/engage/editors.ts,
  // lib/engage/newsletter.ts).
  await db.schema.alterTable('login_attempts').renameTo('attempts').execute();
  // When the last confirmation was mailed (no second one within minutes), and the last digest
  // each subscriber was sent (a digest interrupted half-way resumes where it stopped).
  await db.schema.alterTable('subscribers').addColumn('mailed_at', 'text').execute();
  await db.schema.alterTable('subscribers').addColumn('last_digest_id', 'integer').execute();
  await db.schema
    .createTable('digests')
    .addColumn('id', idColumn(dialect), idConstraints(dialect))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('stories', 'text', (c) => c.notNull())
    .addColumn('editor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addUniqueConstraint('digests_locale_week', ['locale', 'week'])
    .execute();
}

/**
 * 0004: one table of attempts for the one rate limiter (lib/engage/rate-limit.ts): each attempt
 * has an id (one can be withdrawn), and old ones are pruned by time. Counts in flight start afresh.
 */
async function recreateAttempts(db: Db, dialect: Dialect) {
  await db.schema.dropTable('attempts').execute();
  await db.schema
    .createTable('attempts')
    .addColumn('id', idColumn(dialect), idConstraints(dialect))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attempts_key_at').on('attempts').columns(['key', 'at']).execute();
  await db.schema.createIndex('attempts_at').on('attempts').column('at').execute();
}

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': {
      async up(db: Db) {
        await createCommentTables(db, dialect);
        await createEditorTables(db, dialect);
        await createViewTables(db);
        await createSubscriberTable(db, dialect);
      },
    },
    '0002-login-attempts': {
      async up(db: Db) {
        // Failed sign-ins, by editor name and by client, for the limit on guessing (lib/engage/editors.ts).
        await db.schema
          .createTable('login_attempts')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('login_attempts_key').on('login_attempts').columns(['key', 'at']).execute();
      },
    },
    '0003-newsletter': { up: (db: Db) => createDigests(db, dialect) },
    '0004-attempts': { up: (db: Db) => recreateAttempts(db, dialect) },
  };
}
