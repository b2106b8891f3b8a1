// `npm run editors -- add NAME | passwd NAME | remove NAME | list`: the editors who may moderate
// comments at /admin. A password is asked twice without showing it, or read from the first line
// of standard input when that is not a terminal (for scripts).
import { createInterface } from 'node:readline';
import { defaultDatabaseFile, openDatabase } from '@/lib/engage/database';
import { addEditor, EditorError, listEditors, PASSWORD_MIN, removeEditor, setPassword } from '@/lib/engage/editors';

const [command, name] = process.argv.slice(2);
const usage = '用法：npm run editors -- add 帳號 | passwd 帳號 | remove 帳號 | list';

/** One line typed at the terminal, not echoed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(question);
    const input = process.stdin;
    input.setRawMode(true);
    input.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? [...typed].slice(0, -1).join('') : typed + char;
      }
    };
    input.on('data', onData);
  });
}

async function password(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await new Promise<string>((resolve) =>
      createInterface({ input: process.stdin })
        .once('line', resolve)
        .once('close', () => resolve('')),
    );
    return line.replace(/\r$/, '');
  }
  const first = await askHidden(`密碼（至少 ${PASSWORD_MIN} 個字元）：`);
  const second = await askHidden('再輸入一次：');
  if (first !== second) throw new EditorError('兩次輸入的密碼不一樣');
  return first;
}

if (!['add', 'passwd', 'remove', 'list'].includes(command ?? '') || (command !== 'list' && !name)) {
  console.error(usage);
  process.exit(2);
}
const site = await openDatabase({ url: process.env.DATABASE_URL || undefined, file: defaultDatabaseFile() });
try {
  if (command === 'list') {
    const editors = await listEditors(site.db);
    if (editors.length === 0) console.log('還沒有編輯：npm run editors -- add 帳號');
    for (const e of editors) console.log(`${e.name}\t（${e.createdAt.slice(0, 10)} 加入）`);
  } else if (command === 'add') {
    await addEditor(site.db, name!, await password());
    console.log(`已新增編輯「${name}」：到 /admin 登入。`);
  } else if (command === 'passwd') {
    await setPassword(site.db, name!, await password());
    console.log(`已更新「${name}」的密碼，所有已登入的瀏覽器都已登出。`);
  } else {
    await removeEditor(site.db, name!);
    console.log(`已移除編輯「${name}」，並登出所有瀏覽器。`);
  }
} catch (error) {
  if (!(error instanceof EditorError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  await site.close();
}
