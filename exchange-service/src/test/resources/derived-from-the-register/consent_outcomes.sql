-- The accepted consent outcomes, as the consent look-up read them out of the register.
select sequence, message_id, case_reference, message_json ->> 'personReference' as person_reference, consent_status as status,
       message_json -> 'consent' ->> 'givenBy' as given_by, message_json -> 'consent' ->> 'limits' as limits, occurred_at,
       sending_agency as agency, corrects_message_id
  from register_entry
 where record_type = 'ConsentOutcome' and outcome = 'ACCEPTED'
