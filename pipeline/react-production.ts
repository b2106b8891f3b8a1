// React's development build checks every element it renders: a sixth more CPU for the feed HTML and
// search documents the pipeline draws, and nothing an editor or a test needs from it. The scripts
// that draw them import this first, so that React, loaded after it, picks its production build.
Object.assign(process.env, { NODE_ENV: 'production' });
