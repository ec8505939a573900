-- A progress note in English beside the Latvian one, so English pages show no Latvian text.
ALTER TABLE activity_progress ADD COLUMN note_en text;

-- The seeded status of 10.06.2026 (the project's progress presentation), in English as well.
UPDATE activity_progress SET note_en = CASE activity_code
    WHEN 'e-learning' THEN '50 representatives of 25 state and municipal institutions trained; about 200 representatives of 48 institutions applied (started in February 2026).'
    WHEN 'respect-code-in-person' THEN 'Four two-day seminars in person (Ventspils, Liepāja, Bauska municipality and Augšdaugava municipality); in both formats together 92 people from 48 organisations and companies trained.'
    WHEN 'respect-code-remote' THEN 'Two one-day remote seminars; in both formats together 92 people from 48 organisations and companies trained.'
    END
WHERE entered_by = 'seed' AND note_en IS NULL;
