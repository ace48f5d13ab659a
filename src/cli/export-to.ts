import type { ExportTo } from '../services/disclosure-exports.ts';
import { type OptionSpec, requireOption } from './args.ts';

/** Every command that exports names the disclosure profile it exports under and who receives it. */
export const exportToOptions: Record<string, OptionSpec> = {
  profile: {
    type: 'string',
    placeholder: 'NAME',
    description: 'the disclosure profile the export is made under (required; see corridor profiles list)',
  },
  recipient: {
    type: 'string',
    placeholder: 'ORG',
    description: 'the organisation or service that receives it (required; recorded in the audit trail)',
  },
};

export const exportTo = (values: Record<string, string | boolean | undefined>): ExportTo => ({
  profile: requireOption(values, 'profile'),
  recipient: requireOption(values, 'recipient'),
});
