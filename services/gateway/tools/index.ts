import type { ToolHandler } from '../tool.types';
import { analyticsQueryTool } from './analytics-query.tool';
import { brandKitTool } from './brand-kit.tool';
import { calendarReadTool } from './calendar-read.tool';
import { clientsListTool } from './clients-list.tool';
import { imageGenerateTool } from './image-generate.tool';
import { inboxReadTool } from './inbox-read.tool';
import { kbSearchTool } from './kb-search.tool';
import { postDraftTool } from './post-draft.tool';
import { postScheduleTool } from './post-schedule.tool';
import { postsListTool } from './posts-list.tool';
import { replyProposeTool } from './reply-propose.tool';
import { scriptRunTool } from './script-run.tool';
import { textGenerateTool } from './text-generate.tool';
import { webFetchTool } from './web-fetch.tool';

/** Every tool the gateway can serve, one per name of TOOL_NAMES; the signed registry decides which are loaded (C-37). */
export const TOOL_HANDLERS: ToolHandler[] = [
  kbSearchTool,
  webFetchTool,
  brandKitTool,
  textGenerateTool,
  imageGenerateTool,
  analyticsQueryTool,
  postDraftTool,
  replyProposeTool,
  clientsListTool,
  postsListTool,
  calendarReadTool,
  inboxReadTool,
  postScheduleTool,
  scriptRunTool,
];
