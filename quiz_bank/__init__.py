"""The learning engine: grading, questions, quiz sessions, scheduling, progress, the tutor."""
