-- Uploaded pictures: every width written, for `srcset`, and the files under the media folder
-- (removed with the row). Pictures from before (the demo's) have neither.
alter table campaign_image
    add column srcset text not null default '',
    add column files text[] not null default '{}';
