// Shows the editor's preview pane in the site's own styles. Loaded after
// the CMS bundle on /admin/, which defines window.CMS.
const cms = window.CMS;
if (cms && typeof cms.registerPreviewStyle === 'function') {
  cms.registerPreviewStyle('/css/site.css');
  cms.registerPreviewStyle('/css/statuses.css');
}
