// A reader's main paths in chromium (readers_paths.mjs; what chromium stands in for: docs/browsers.md).
import { readersPaths } from './readers_paths.mjs';

readersPaths('chromium');
