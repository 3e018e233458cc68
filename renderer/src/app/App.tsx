import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CaseWorkspace } from '../features/cases/CaseWorkspace';
import { theme } from '../theme';
import { Layout } from './Layout';
import { queryClient } from './queryClient';
import { WorkspaceGate } from './WorkspaceGate';

/**
 * Hash routes: the same build is loaded from app:// in Electron and from the host's file server,
 * neither of which knows the renderer's routes.
 */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} autoClose={4000} />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <Layout>
            <WorkspaceGate>
              <Routes>
                <Route path="/" element={<CaseListPage />} />
                <Route path="/cases/:id/:tab?" element={<CaseWorkspace />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </WorkspaceGate>
          </Layout>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
