import { initialise } from '../../services/setup.ts';
import { type Command, requireOption } from '../args.ts';
import { promptPassword, readPasswordFile } from '../password.ts';
import { dataDirOption, withStore } from '../store.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'create the database and its first admin',
  usage: 'corridor init [--data-dir DIR] --admin-user NAME [--admin-password-file FILE]',
  options: {
    ...dataDirOption,
    'admin-user': { type: 'string', placeholder: 'NAME', description: 'user name of the first admin' },
    'admin-password-file': {
      type: 'string',
      placeholder: 'FILE',
      description:
        'file whose first line is the admin password (at least 12 characters); asked on the terminal if absent',
    },
  },
  async run(values, _positionals, cli) {
    const username = requireOption(values, 'admin-user');
    const file = values['admin-password-file'];
    const password =
      typeof file === 'string' ? readPasswordFile(file) : await promptPassword('Admin password: ');
    await withStore(cli, values, async (db) => {
      await initialise(db, { username, password });
      cli.stdout.write(
        `Initialised the ${db.backend === 'pglite' ? 'embedded database' : 'PostgreSQL database'}; admin user: ${username}\n`,
      );
    });
    return 0;
  },
};
