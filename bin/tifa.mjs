#!/usr/bin/env node
// The `tifa` command. The CLI is TypeScript sharing `utils/zh` with the extension, so it runs
// through tsx's loader instead of a separate build that could drift from the extension's code.
import { register } from 'tsx/esm/api';

register();
await import('./cli/main.ts');
