import { CorridorError } from '../../domain/errors.ts';
import { isRole, roles } from '../../domain/roles.ts';
import { createToken, createUser } from '../../services/accounts.ts';
import type { Actor } from '../../store/repos/operations.ts';
import { findUserByName, listUsers } from '../../store/repos/users.ts';
import { type Command, requireOption } from '../args.ts';
import { promptPassword, readPasswordFile } from '../password.ts';
import { dataDirOption, withStore } from '../store.ts';

// Commands run by an operator at the machine act as the local administrator.
const cliActor: Actor = { userId: null, name: 'cli' };

export const usersAddCommand: Command = {
  name: 'users add',
  summary: 'add a user with a role',
  usage: 'corridor users add --user NAME --role ROLE --password-file FILE [--data-dir DIR]',
  options: {
    ...dataDirOption,
    user: { type: 'string', placeholder: 'NAME', description: 'user name (letters, digits, . _ -)' },
    role: { type: 'string', placeholder: 'ROLE', description: `one of ${roles.join(', ')}` },
    'password-file': {
      type: 'string',
      placeholder: 'FILE',
      description: 'file whose first line is the password',
    },
  },
  async run(values, _positionals, cli) {
    const username = requireOption(values, 'user');
    const role = requireOption(values, 'role');
    if (!isRole(role)) throw new CorridorError('bad_request', `--role must be one of ${roles.join(', ')}`);
    const file = values['password-file'];
    const password = typeof file === 'string' ? readPasswordFile(file) : await promptPassword('Password: ');
    await withStore(cli, values, async (db) => {
      await createUser(db, cliActor, { username, role, password });
      cli.stdout.write(`Added ${username} (${role})\n`);
    });
    return 0;
  },
};

export const usersListCommand: Command = {
  name: 'users list',
  summary: 'list users and their roles',
  usage: 'corridor users list [--data-dir DIR]',
  options: { ...dataDirOption },
  async run(values, _positionals, cli) {
    await withStore(cli, values, async (db) => {
      for (const user of await listUsers(db))
        cli.stdout.write(`${user.username}\t${user.role}${user.disabled ? '\tdisabled' : ''}\n`);
    });
    return 0;
  },
};

export const tokensCreateCommand: Command = {
  name: 'tokens create',
  summary: 'create an API token for a user (printed once; send it as Authorization: Bearer …)',
  usage: 'corridor tokens create --user NAME [--label TEXT] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    user: { type: 'string', placeholder: 'NAME', description: 'the user the token acts as' },
    label: { type: 'string', placeholder: 'TEXT', description: 'what the token is for' },
  },
  async run(values, _positionals, cli) {
    const username = requireOption(values, 'user');
    await withStore(cli, values, async (db) => {
      const user = await findUserByName(db, username);
      if (!user) throw new CorridorError('not_found', `no user named ${username}`);
      const label = typeof values.label === 'string' ? values.label : null;
      const { token } = await createToken(db, cliActor, user.id, label);
      cli.stdout.write(`${token}\n`);
    });
    return 0;
  },
};

export { cliActor };
