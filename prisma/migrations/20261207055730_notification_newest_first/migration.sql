-- The notifications page (lib/notifications/queries.ts listNotifications): a user's notifications
-- newest first. A manager of fifty sites is sent thousands of reminders a day; without this index each
-- view read all of them and sorted them (8 ms at 14 000, growing with every day kept).

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC);
