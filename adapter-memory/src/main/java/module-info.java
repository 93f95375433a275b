/** Storage ports in memory: one store, real transactions, nothing durable. */
module org.dreamdiary.adapter.memory {
    requires org.dreamdiary.application;

    exports org.dreamdiary.adapter.memory to org.dreamdiary.bootstrap;
}
