/**
 * English: the reference dictionary. Every key exists here; other languages may leave keys out and
 * fall back to these. Placeholders are {name} style.
 */
export const en = {
  'app.name': 'Parley',
  'app.tagline': 'Video meetings for your institution, in the browser.',
  'app.backHome': 'Back to the home page',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is nothing at this address.',
  'app.invalidRoom.title': 'This is not a valid room name',

  'roomName.rule': "Letters, digits, '-', '_' and '.', starting with a letter or digit; at most {max} characters.",
  'roomName.required': 'Type a room name or take a suggested one.',

  'home.title': 'Start or join a meeting',
  'home.roomLabel': 'Room name',
  'home.roomPlaceholder': 'e.g. BraveOttersSingLoudly42',
  'home.suggest': 'Suggest a name',
  'home.go': 'Go to room',
  'home.recent.title': 'Recent rooms',
  'home.recent.clear': 'Forget recent rooms',

  'room.documentTitle': '{room} · Parley',
  'room.copyLink': 'Copy link',
  'room.linkCopied': 'Link copied to the clipboard.',
  'room.copyFailed': 'Could not copy; copy the address from the address bar.',
  'room.leave': 'Leave',
  'room.connecting': 'Connecting…',
  'room.dismiss': 'Dismiss',

  'prejoin.title': 'Ready to join?',
  'prejoin.nameLabel': 'Your name',
  'prejoin.namePlaceholder': 'The name others will see',
  'prejoin.nameRequired': 'Enter the name others will see.',
  'prejoin.startAudioMuted': 'Join with the microphone off',
  'prejoin.startVideoMuted': 'Join with the camera off',
  'prejoin.join': 'Join',
  'prejoin.joining': 'Joining…',

  'banner.reconnecting': 'Connection lost, reconnecting…',
  'banner.retryNow': 'Retry now',
  'banner.mediaRecovering': 'Audio and video connection lost, reconnecting…',

  'roster.title': 'Participants ({count})',
  'roster.you': '(you)',
  'roster.moderator': 'moderator',
  'roster.micOn': 'Microphone on',
  'roster.micOff': 'Microphone off',
  'roster.cameraOn': 'Camera on',
  'roster.cameraOff': 'Camera off',
  'roster.announce.joined': '{name} joined',
  'roster.announce.left': '{name} left',
  'roster.announce.renamed': '{from} is now {to}',

  'toolbar.label': 'Your controls',
  'toolbar.muteMic': 'Mute microphone',
  'toolbar.unmuteMic': 'Unmute microphone',
  'toolbar.stopCamera': 'Turn camera off',
  'toolbar.startCamera': 'Turn camera on',
  'toolbar.shareScreen': 'Share screen',
  'toolbar.stopSharing': 'Stop sharing',
  'quality.title': 'Video quality',
  'quality.maxHeight': 'Best video quality to receive',
  'quality.auto': 'Automatic',
  'quality.height': 'Up to {height}p',
  'quality.lowBandwidth': 'Low bandwidth: receive only audio and screen sharing',
  'rename.open': 'Change my name',
  'rename.label': 'New name',
  'rename.save': 'Save',
  'rename.cancel': 'Cancel',

  'stage.label': 'Videos',
  'stage.screenShare': '{name} is sharing their screen',
  'media.device.denied': 'Your browser did not allow the camera and microphone, so others cannot see or hear you. Allow them from the address bar, then reload the page.',
  'media.device.not-found': 'No camera or microphone was found; others may not see or hear you.',
  'media.device.in-use': 'Your camera or microphone is in use by another application.',
  'media.device.unsupported': 'This page cannot use the camera and microphone: it needs a secure (https) address.',
  'media.device.failed': 'The camera or microphone could not be started.',
  'media.error': 'Audio and video are not available: {message}',
  'media.soundBlocked': 'Your browser is holding back the sound of the meeting.',
  'media.enableSound': 'Turn sound on',

  'left.title': 'You left the room',
  'left.body': 'You can join again whenever you like.',
  'left.rejoin': 'Join again',
  'ended.title': 'The conference has ended',
  'ended.reason.LAST_PARTICIPANT_LEFT': 'Everyone has left.',
  'ended.reason.ENDED_BY_MODERATOR': 'A moderator ended it for everyone.',
  'ended.restart': 'Start it again',
} as const;

export type MessageKey = keyof typeof en;
export type Dictionary = Partial<Record<MessageKey, string>>;
