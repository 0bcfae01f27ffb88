-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OutcomeKind" AS ENUM ('outcome', 'enabler');

-- CreateEnum
CREATE TYPE "ResponseClass" AS ENUM ('accepted', 'accepted_in_principle', 'testing', 'consulting', 'not_accepted');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('not_yet_assessed', 'not_started', 'on_track', 'at_risk', 'delayed', 'complete', 'superseded');

-- CreateEnum
CREATE TYPE "MilestoneGroup" AS ENUM ('addressing_urgent_issues', 'setting_national_direction', 'laying_the_groundwork');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('next_action', 'two_year_result');

-- CreateTable
CREATE TABLE "review" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "short_title" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "published" TEXT NOT NULL,
    "response_annex" INTEGER NOT NULL,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pillar" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "strategy_chapter" INTEGER NOT NULL,
    "chapter_title" TEXT NOT NULL,

    CONSTRAINT "pillar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outcome" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "OutcomeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "annex1_title" TEXT NOT NULL,

    CONSTRAINT "outcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pillar_outcome" (
    "pillar_id" INTEGER NOT NULL,
    "outcome_id" INTEGER NOT NULL,

    CONSTRAINT "pillar_outcome_pkey" PRIMARY KEY ("pillar_id","outcome_id")
);

-- CreateTable
CREATE TABLE "outcome_commitment" (
    "id" SERIAL NOT NULL,
    "outcome_id" INTEGER NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "outcome_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "review_id" INTEGER NOT NULL,
    "pillar_id" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "subsection" TEXT,
    "source_annex" INTEGER NOT NULL,
    "source_row" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "response_text" TEXT NOT NULL,
    "response_inherited" BOOLEAN NOT NULL DEFAULT false,
    "response_inherited_from" TEXT,
    "stated_response" TEXT,
    "response_class" "ResponseClass" NOT NULL,
    "response_rationale" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_outcome" (
    "recommendation_id" INTEGER NOT NULL,
    "outcome_id" INTEGER NOT NULL,

    CONSTRAINT "recommendation_outcome_pkey" PRIMARY KEY ("recommendation_id","outcome_id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "group" "MilestoneGroup" NOT NULL,
    "activity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date_as_written" TEXT,
    "due_date" DATE NOT NULL,
    "forecast_date" DATE,
    "actual_date" DATE,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'not_yet_assessed',
    "commentary" TEXT,
    "source_line" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_link" (
    "id" SERIAL NOT NULL,
    "milestone_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "evidence_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone_pillar" (
    "milestone_id" INTEGER NOT NULL,
    "pillar_id" INTEGER NOT NULL,

    CONSTRAINT "milestone_pillar_pkey" PRIMARY KEY ("milestone_id","pillar_id")
);

-- CreateTable
CREATE TABLE "milestone_outcome" (
    "milestone_id" INTEGER NOT NULL,
    "outcome_id" INTEGER NOT NULL,

    CONSTRAINT "milestone_outcome_pkey" PRIMARY KEY ("milestone_id","outcome_id")
);

-- CreateTable
CREATE TABLE "milestone_recommendation" (
    "milestone_id" INTEGER NOT NULL,
    "recommendation_id" INTEGER NOT NULL,

    CONSTRAINT "milestone_recommendation_pkey" PRIMARY KEY ("milestone_id","recommendation_id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "entity_code" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seed_run" (
    "id" SERIAL NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataset_hash" TEXT NOT NULL,
    "inserted" INTEGER NOT NULL,

    CONSTRAINT "seed_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_code_key" ON "review"("code");

-- CreateIndex
CREATE UNIQUE INDEX "pillar_number_key" ON "pillar"("number");

-- CreateIndex
CREATE UNIQUE INDEX "pillar_section_key" ON "pillar"("section");

-- CreateIndex
CREATE UNIQUE INDEX "outcome_number_key" ON "outcome"("number");

-- CreateIndex
CREATE INDEX "pillar_outcome_outcome_id_idx" ON "pillar_outcome"("outcome_id");

-- CreateIndex
CREATE UNIQUE INDEX "outcome_commitment_outcome_id_kind_position_key" ON "outcome_commitment"("outcome_id", "kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_code_key" ON "recommendation"("code");

-- CreateIndex
CREATE INDEX "recommendation_review_id_idx" ON "recommendation"("review_id");

-- CreateIndex
CREATE INDEX "recommendation_pillar_id_idx" ON "recommendation"("pillar_id");

-- CreateIndex
CREATE INDEX "recommendation_response_class_idx" ON "recommendation"("response_class");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_source_annex_source_row_key" ON "recommendation"("source_annex", "source_row");

-- CreateIndex
CREATE INDEX "recommendation_outcome_outcome_id_idx" ON "recommendation_outcome"("outcome_id");

-- CreateIndex
CREATE UNIQUE INDEX "milestone_code_key" ON "milestone"("code");

-- CreateIndex
CREATE INDEX "milestone_status_idx" ON "milestone"("status");

-- CreateIndex
CREATE INDEX "milestone_due_date_idx" ON "milestone"("due_date");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_link_milestone_id_position_key" ON "evidence_link"("milestone_id", "position");

-- CreateIndex
CREATE INDEX "milestone_pillar_pillar_id_idx" ON "milestone_pillar"("pillar_id");

-- CreateIndex
CREATE INDEX "milestone_outcome_outcome_id_idx" ON "milestone_outcome"("outcome_id");

-- CreateIndex
CREATE INDEX "milestone_recommendation_recommendation_id_idx" ON "milestone_recommendation"("recommendation_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_occurred_at_idx" ON "audit_event"("entity_type", "entity_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- AddForeignKey
ALTER TABLE "pillar_outcome" ADD CONSTRAINT "pillar_outcome_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pillar_outcome" ADD CONSTRAINT "pillar_outcome_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outcome_commitment" ADD CONSTRAINT "outcome_commitment_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_outcome" ADD CONSTRAINT "recommendation_outcome_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_outcome" ADD CONSTRAINT "recommendation_outcome_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_link" ADD CONSTRAINT "evidence_link_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_pillar" ADD CONSTRAINT "milestone_pillar_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_pillar" ADD CONSTRAINT "milestone_pillar_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillar"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_outcome" ADD CONSTRAINT "milestone_outcome_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_outcome" ADD CONSTRAINT "milestone_outcome_outcome_id_fkey" FOREIGN KEY ("outcome_id") REFERENCES "outcome"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_recommendation" ADD CONSTRAINT "milestone_recommendation_milestone_id_fkey" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone_recommendation" ADD CONSTRAINT "milestone_recommendation_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The audit trail is append-only: "every change is kept, attributed and never lost". The database refuses
-- UPDATE, DELETE and TRUNCATE on it, whoever asks, so no bug in the application can rewrite history.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
