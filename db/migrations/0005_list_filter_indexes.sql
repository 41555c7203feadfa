CREATE INDEX "complaints_severity_idx" ON "complaints" USING btree ("severity","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_journey_stage_idx" ON "complaints" USING btree ("journey_stage","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_app_user_idx" ON "complaints" USING btree ("app_user","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_excluded_idx" ON "complaints" USING btree ("excluded_reason","received_on" DESC NULLS LAST) WHERE "complaints"."excluded_reason" is not null;