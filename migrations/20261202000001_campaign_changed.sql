-- Every change to what a campaign page shows is announced on the channel `campaign_changed`
-- (payload: "<campaign_id> <slug>"), at commit, once per transaction and campaign. Each server
-- process LISTENs once: it drops its cached copies of the page and sends the new totals to the
-- browsers watching it (server/src/live/).

create function notify_campaign_changed() returns trigger
language plpgsql as $$
declare
    r jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    changed bigint;
begin
    if tg_table_name = 'designer' then
        -- a designer is shown on every campaign they are linked to
        for changed in
            select campaign_id from campaign_designer where designer_id = (r->>'designer_id')::bigint
            union
            select campaign_id from reward_tier where designer_id = (r->>'designer_id')::bigint
        loop
            perform pg_notify('campaign_changed', changed::text || ' ' || coalesce((select slug from campaign where campaign_id = changed), ''));
        end loop;
        return null;
    end if;
    if tg_table_name = 'campaign' and tg_op = 'UPDATE' then
        -- a new slug: the pages cached under the old one go too
        if to_jsonb(old)->>'slug' <> r->>'slug' then
            perform pg_notify('campaign_changed', (r->>'campaign_id') || ' ' || (to_jsonb(old)->>'slug'));
        end if;
    end if;
    if r ? 'campaign_id' then
        changed := (r->>'campaign_id')::bigint;
    elsif r ? 'reward_tier_id' then
        select campaign_id into changed from reward_tier where reward_tier_id = (r->>'reward_tier_id')::bigint;
    elsif r ? 'need_id' then
        select campaign_id into changed from need where need_id = (r->>'need_id')::bigint;
    end if;
    if changed is not null then
        perform pg_notify('campaign_changed', changed::text || ' ' || coalesce(
            case when tg_table_name = 'campaign' then r->>'slug' end,
            (select slug from campaign where campaign_id = changed),
            ''));
    end if;
    return null;
end
$$;

do $$
declare
    shown text;
begin
    foreach shown in array array[
        'campaign', 'campaign_image', 'campaign_faq', 'campaign_designer', 'pickup_point',
        'reward_tier', 'reward_pickup_point', 'reward_slot', 'reward_question', 'partner',
        'match_fund', 'need', 'help_offer', 'campaign_update', 'designer'
    ] loop
        execute format(
            'create trigger %I after insert or update or delete on %I for each row execute function notify_campaign_changed()',
            shown || '_changed', shown);
    end loop;
end
$$;
