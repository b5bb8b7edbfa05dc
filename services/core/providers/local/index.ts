export { createLocalTextProvider, LOCAL_TEXT_MODEL } from './local-text.provider';
export { createLocalImageProvider, LOCAL_IMAGE_MODEL } from './local-image.provider';
export { createLocalVideoProvider, LOCAL_VIDEO_MODEL } from './local-video.provider';
export { createLocalAvatarProvider, LOCAL_AVATAR_MODEL, MAX_AVATAR_SCRIPT_WORDS } from './local-avatar.provider';
export { LocalRenderError, resolveFfmpegTool } from './ffmpeg';
