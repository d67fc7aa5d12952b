package io.streamgate.gateway.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every line the JVM logs while it is attached — Quarkus routes all logging (JBoss Logging, JUL, SLF4J of
 * Kafka and Vert.x) through the JBoss LogManager's root logger — as the text an operator would read:
 * the formatted message and the stack trace of any exception.
 */
final class CapturedLog extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Formatter formatter = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    static CapturedLog attach() {
        CapturedLog log = new CapturedLog();
        log.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(log);
        return log;
    }

    void detach() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.format(record);
        StringBuilder line = new StringBuilder(record.getLoggerName()).append(' ').append(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
