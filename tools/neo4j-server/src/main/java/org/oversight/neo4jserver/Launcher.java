package org.oversight.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;

/**
 * Starts Neo4j community, embedded, as a Bolt server on 127.0.0.1 for the tests and the
 * local `oversight server start --engine neo4j`.
 *
 * <pre>
 * java -cp ... org.oversight.neo4jserver.Launcher -dir DIR -bolt-port PORT -password-file FILE|-
 *      [-pagecache-mb MB] [-import-dir DIR]
 * </pre>
 *
 * <p>The database lives in DIR (Neo4j's home: data/, logs/). Authentication is on; the
 * password of the user {@code neo4j} is read from FILE (or from standard input for
 * {@code -}), never from the command line, and is never printed. On the first start (no
 * system database yet) the DBMS is started once with Bolt off, only to set that password,
 * so the default {@code neo4j/neo4j} login is never reachable over the network; every
 * later start sets it again (a no-op when unchanged) before saying it is ready.
 *
 * <p>Only the Bolt connector listens, on 127.0.0.1; HTTP and HTTPS are off. When the
 * server accepts logins with the password it writes DIR/ready.json ({@code pid},
 * {@code version}, {@code edition}, {@code boltPort}); SIGTERM (or SIGINT) runs the
 * shutdown hook, which removes it and shuts the DBMS down cleanly.
 *
 * <p>{@code LOAD CSV} may not read {@code file:///} URLs unless {@code -import-dir} is
 * given (the bench's {@code LOAD CSV} method asks for it; nothing else does): then it
 * reads them from that directory only, which Neo4j resolves every file URL against
 * ({@code server.directories.import}), never from elsewhere on the machine.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "neo4j";
    private static final String READY = "ready.json";

    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // The DBMS's own threads would keep a failed JVM alive: exit, so the caller sees it.
            System.err.println("oversight-neo4j-server: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path home = Path.of(require(options, "-dir")).toAbsolutePath();
        int boltPort = Integer.parseInt(require(options, "-bolt-port"));
        String password = readPassword(require(options, "-password-file"));
        long pagecacheMb = Long.parseLong(options.getOrDefault("-pagecache-mb", "256"));
        String importOption = options.get("-import-dir");
        Path importDir = importOption == null ? null : Path.of(importOption).toAbsolutePath();
        if (importDir != null && !Files.isDirectory(importDir)) {
            throw new IllegalArgumentException("-import-dir " + importDir + ": not a directory");
        }
        Path ready = home.resolve(READY);
        Files.deleteIfExists(ready);

        if (!Files.isDirectory(home.resolve("data/databases/system"))) {
            // First start: set the password with Bolt off, then stop.
            DatabaseManagementService setup = builder(home, pagecacheMb, false, 0, null).build();
            try {
                setPassword(setup, password);
            } finally {
                setup.shutdown();
            }
        }

        DatabaseManagementService dbms = builder(home, pagecacheMb, true, boltPort, importDir).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the Python side checks the pid as well
            }
            dbms.shutdown();
            System.out.println("oversight-neo4j-server: stopped");
            stopped.countDown();
        }, "oversight-neo4j-shutdown"));

        setPassword(dbms, password);
        password = null;
        String[] component = component(dbms);
        String json = String.format(
                "{\"pid\": %d, \"version\": \"%s\", \"edition\": \"%s\", \"boltPort\": %d}%n",
                ProcessHandle.current().pid(), component[0], component[1], boltPort);
        Path tmp = home.resolve(READY + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("oversight-neo4j-server: Neo4j %s %s ready on bolt://%s:%d%n",
                component[0], component[1], HOST, boltPort);
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementServiceBuilder builder(
            Path home, long pagecacheMb, boolean bolt, int port, Path importDir) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024L * 1024L)
                // No anonymous usage report to Neo4j from a test server.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // LOAD CSV may not read the server's own files (its credentials among them):
                // file:/// URLs are refused whatever the statement or transaction...
                .setConfig(GraphDatabaseSettings.allow_file_urls, false);
        if (importDir != null) {
            // ...unless an import directory is asked for: then they name files in it only.
            builder.setConfig(GraphDatabaseSettings.allow_file_urls, true)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir);
        }
        if (bolt) {
            builder.setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port));
        }
        return builder;
    }

    /** Sets the password of {@code neo4j}, no change required; the same password again is fine. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("Old password and new password cannot be the same")) {
                // Neo4j's message names the user, never the password.
                throw new IllegalStateException("could not set the password of " + USER + ": " + message);
            }
        }
    }

    /** The Neo4j kernel version and edition, from {@code dbms.components()}. */
    private static String[] component(DatabaseManagementService dbms) {
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return db.executeTransactionally(
                "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' "
                        + "RETURN versions[0] AS version, edition",
                Map.of(),
                (Result result) -> {
                    Map<String, Object> row = result.next();
                    return new String[] {String.valueOf(row.get("version")), String.valueOf(row.get("edition"))};
                });
    }

    private static String readPassword(String source) throws IOException {
        byte[] bytes;
        if ("-".equals(source)) {
            InputStream in = System.in;
            bytes = in.readAllBytes();
        } else {
            bytes = Files.readAllBytes(Path.of(source));
        }
        String password = new String(bytes, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password source is empty");
        }
        return password;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("-") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: -dir DIR -bolt-port PORT -password-file FILE|- [-pagecache-mb MB] [-import-dir DIR]");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
